//! Pieces shared by the pages.

pub mod acting_user;
pub mod add_azure_plan;
pub mod assign_owner;
pub mod confirm_dialog;
pub mod customer_header;
pub mod customer_permissions;
pub mod customer_users;
pub mod demo_data_panel;
pub mod identity_switcher;
pub mod language_picker;
pub mod message_bar;
pub mod partner_top_bar;
pub mod permission_switch;
pub mod readiness_panel;
pub mod shell;
pub mod status_text;
