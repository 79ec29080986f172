//! The one message catalogue: every word the UI shows comes from here, so another language
//! is one more `Messages` value, with no component touched.
//!
//! Texts with `{}` take arguments through [`fill`], in order.

use domain::{ActivityAction, BillingType, DomainError, PartnerRole, Permission, SubscriptionStatus};

use crate::backend::BackendError;

pub struct Messages {
    pub product_name: &'static str,
    pub workspace: &'static str,
    pub nav_customers: &'static str,
    pub nav_label: &'static str,
    pub settings: &'static str,
    pub activity_log: &'static str,
    pub signed_in_as: &'static str,
    pub switch_user: &'static str,
    pub backend_embedded: &'static str,
    pub backend_embedded_hint: &'static str,
    pub backend_api: &'static str,
    pub backend_api_hint: &'static str,
    pub backend_api_same_origin: &'static str,
    pub loading: &'static str,
    pub dismiss: &'static str,

    pub customers_title: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub col_company: &'static str,
    pub col_domain: &'static str,
    pub col_microsoft_id: &'static str,
    pub col_permissions: &'static str,
    pub permissions_off: &'static str,
    pub customers_count: &'static str,
    pub customers_range: &'static str,
    pub no_customers_match: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub page_of: &'static str,

    pub customer_menu: &'static str,
    pub account: &'static str,
    pub subscriptions: &'static str,
    pub breadcrumb: &'static str,
    pub account_info: &'static str,
    pub company_name: &'static str,
    pub microsoft_id: &'static str,
    pub primary_domain: &'static str,
    pub relationship: &'static str,
    pub relationship_reseller: &'static str,
    pub billing_details: &'static str,
    pub contact: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    pub address: &'static str,
    pub language_culture: &'static str,

    pub customer_permissions: &'static str,
    pub customer_permissions_intro: &'static str,
    pub reservations_explained: &'static str,
    pub savings_plan_explained: &'static str,
    pub allow_customer_to_purchase: &'static str,
    pub on: &'static str,
    pub off: &'static str,
    pub only_admin_agents: &'static str,
    pub saving: &'static str,
    pub turned_on: &'static str,
    pub turned_off: &'static str,

    pub readiness_title: &'static str,
    pub readiness_azure_ok: &'static str,
    pub readiness_azure_missing: &'static str,
    pub readiness_azure_fix: &'static str,
    pub readiness_owner_ok: &'static str,
    pub readiness_owner_missing: &'static str,
    pub readiness_owner_fix: &'static str,
    pub readiness_warning: &'static str,
    pub view_subscriptions: &'static str,

    pub confirm_title: &'static str,
    pub confirm_intro: &'static str,
    pub consequence_pay: &'static str,
    pub consequence_not_notified: &'static str,
    pub consequence_no_self_service: &'static str,
    pub consequence_visible: &'static str,
    pub turn_on: &'static str,
    pub cancel: &'static str,

    pub subscriptions_title: &'static str,
    pub subscriptions_intro: &'static str,
    pub col_offer: &'static str,
    pub col_friendly_name: &'static str,
    pub col_status: &'static str,
    pub col_billing: &'static str,
    pub col_azure_subscriptions: &'static str,
    pub col_quantity: &'static str,
    pub no_subscriptions: &'static str,

    pub activity_intro: &'static str,
    pub from_date: &'static str,
    pub to_date: &'static str,
    pub col_date_time: &'static str,
    pub col_affected_customer: &'static str,
    pub col_action: &'static str,
    pub col_partner_user: &'static str,
    pub col_details: &'static str,
    pub change_details: &'static str,
    pub no_activity: &'static str,
    pub activity_count: &'static str,
    pub invalid_range: &'static str,

    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub customer_not_found: &'static str,
    pub back_to_customers: &'static str,

    pub demo_data: &'static str,
    pub demo_size_label: &'static str,
    pub reset_demo_data: &'static str,
    pub demo_data_reset: &'static str,
    pub demo_customers_option: &'static str,
    pub notice_fresh_data: &'static str,
    pub notice_unreadable_data: &'static str,
    pub notice_old_data: &'static str,

    pub error_not_admin: &'static str,
    pub error_unknown_user: &'static str,
    pub error_unknown_customer: &'static str,
    pub error_invalid_customer_id: &'static str,
    pub error_stale: &'static str,
    pub error_storage: &'static str,
    pub error_network: &'static str,
    pub error_server: &'static str,
    pub error_not_supported: &'static str,
    pub error_not_allowed_to_create: &'static str,
    pub error_invalid_new_customer: &'static str,
    pub error_domain_taken: &'static str,
}

pub const EN: Messages = Messages {
    product_name: "Partner Center",
    workspace: "CSP",
    nav_customers: "Customers",
    nav_label: "Workspace navigation",
    settings: "Settings: Activity log",
    activity_log: "Activity log",
    signed_in_as: "Signed in as",
    switch_user: "Demo user",
    backend_embedded: "Embedded store",
    backend_embedded_hint: "Demo data lives in this browser (offline)",
    backend_api: "Mock API: {}",
    backend_api_same_origin: "this server",
    backend_api_hint: "Data comes from the mock Partner Center API; open the app with ?api=off to go back to the embedded store",
    loading: "Loading…",
    dismiss: "Dismiss",

    customers_title: "Customers",
    search_label: "Search customers",
    search_placeholder: "Search by company name, domain or Microsoft ID",
    col_company: "Company name",
    col_domain: "Primary domain",
    col_microsoft_id: "Microsoft ID",
    col_permissions: "Customer permissions",
    permissions_off: "Off",
    customers_count: "{} customers",
    customers_range: "Showing {}–{} of {}",
    no_customers_match: "No customer matches “{}”.",
    previous_page: "Previous",
    next_page: "Next",
    page_of: "Page {} of {}",

    customer_menu: "Customer menu",
    account: "Account",
    subscriptions: "Subscriptions",
    breadcrumb: "Breadcrumb",
    account_info: "Customer Account Info",
    company_name: "Company name",
    microsoft_id: "Microsoft ID",
    primary_domain: "Primary domain name",
    relationship: "Relationship to partner",
    relationship_reseller: "Reseller (CSP)",
    billing_details: "Company and billing details",
    contact: "Billing contact",
    email: "Email",
    phone: "Phone",
    address: "Address",
    language_culture: "Culture",

    customer_permissions: "Customer permissions",
    customer_permissions_intro: "Let this customer buy products on its own in the Azure portal. You pay for what it buys.",
    reservations_explained: "Azure reservations: the customer can buy its own Azure reservations for an Azure subscription you bought for it.",
    savings_plan_explained: "Azure savings plan: the customer can buy its own Azure savings plans for an Azure subscription you bought for it.",
    allow_customer_to_purchase: "Allow customer to purchase",
    on: "On",
    off: "Off",
    only_admin_agents: "Only an Admin agent can change customer permissions. You are signed in as a {}.",
    saving: "Saving…",
    turned_on: "{} turned On for {}.",
    turned_off: "{} turned Off for {}.",

    readiness_title: "What a purchase needs",
    readiness_azure_ok: "Azure subscription: {}",
    readiness_azure_missing: "No active Azure plan or Azure Global subscription.",
    readiness_azure_fix: "Buy an Azure plan for this customer first; see its Subscriptions page.",
    readiness_owner_ok: "Users with Owner: {}",
    readiness_owner_missing: "No customer user holds the Owner role on an Azure subscription.",
    readiness_owner_fix: "Assign Owner in the Azure portal: Subscriptions › Manage › Access control (IAM) › Add role assignment › Owner.",
    readiness_warning: "You can still turn permissions on, but the customer's purchases will fail until this is fixed.",
    view_subscriptions: "View subscriptions",

    confirm_title: "Allow {} to purchase {}?",
    confirm_intro: "When you turn this on:",
    consequence_pay: "You pay for every later purchase this customer makes.",
    consequence_not_notified: "You will not be notified of those purchases.",
    consequence_no_self_service: "The customer cannot exchange, cancel or renew what it buys; it must ask you to do it.",
    consequence_visible: "Its purchases appear on its Order history and Reservations pages and in the Activity log.",
    turn_on: "Turn on",
    cancel: "Cancel",

    subscriptions_title: "Subscriptions",
    subscriptions_intro: "Usage-based Azure plan or Azure Global subscriptions are what customer purchases need.",
    col_offer: "Offer",
    col_friendly_name: "Friendly name",
    col_status: "Status",
    col_billing: "Billing",
    col_azure_subscriptions: "Azure subscription IDs",
    col_quantity: "Quantity",
    no_subscriptions: "This customer has no subscriptions.",

    activity_intro: "Changes to customer purchase permissions, newest first.",
    from_date: "From",
    to_date: "To",
    col_date_time: "Date-Time (UTC)",
    col_affected_customer: "Affected customer",
    col_action: "Action",
    col_partner_user: "Partner user",
    col_details: "Details",
    change_details: "Before: {} · After: {}",
    no_activity: "No activity in this date range.",
    activity_count: "{} records",
    invalid_range: "The From date is after the To date.",

    not_found_title: "Page not found",
    not_found_text: "There is nothing at this address.",
    customer_not_found: "No customer has the Microsoft ID “{}”.",
    back_to_customers: "Back to Customers",

    demo_data: "Demo data",
    demo_size_label: "Customers in demo data",
    reset_demo_data: "Reset demo data",
    demo_data_reset: "Demo data was reset: {} customers, every permission back to its starting state.",
    demo_customers_option: "{} customers",
    notice_fresh_data: "Demo data was created in this browser. Your changes are kept here, across reloads.",
    notice_unreadable_data: "Saved demo data could not be read, so fresh demo data was loaded.",
    notice_old_data: "Saved demo data was from an older version, so fresh demo data was loaded.",

    error_not_admin: "Only an Admin agent can change customer permissions. Nothing was changed.",
    error_unknown_user: "Your demo user is not known. Pick a user in the top bar and try again.",
    error_unknown_customer: "This customer no longer exists.",
    error_invalid_customer_id: "“{}” is not a Microsoft ID.",
    error_stale: "Someone else changed this customer's permissions meanwhile. The current state is shown; try again.",
    error_storage: "The change could not be saved in this browser's storage ({}). Nothing was changed.",
    error_network: "The server could not be reached ({}). Nothing was changed.",
    error_server: "The server refused the request ({}).",
    error_not_supported: "The mock API keeps its own data file: to start again, restart it with a new --data file.",
    error_not_allowed_to_create: "Only Admin and Sales agents can create customers. Nothing was changed.",
    error_invalid_new_customer: "The customer's details were not accepted: {}.",
    error_domain_taken: "Another customer already has the domain {}.",
};

/// The catalogue in use. (One language for now; the German one will be chosen here.)
pub fn t() -> &'static Messages {
    &EN
}

/// A count with thousands separators: 10000 → "10,000".
pub fn number(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Puts `args` into the `{}` slots of `template`, in order.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    let mut args = args.iter();
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        out.push_str(args.next().copied().unwrap_or(""));
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

impl Messages {
    pub fn role(&self, role: PartnerRole) -> &'static str {
        match role {
            PartnerRole::AdminAgent => "Admin agent",
            PartnerRole::SalesAgent => "Sales agent",
            PartnerRole::HelpdeskAgent => "Helpdesk agent",
        }
    }

    pub fn permission(&self, permission: Permission) -> &'static str {
        match permission {
            Permission::AzureReservations => "Azure reservations",
            Permission::AzureSavingsPlan => "Azure savings plan",
        }
    }

    /// "Azure reservations, Azure savings plan", or "Off" when none.
    pub fn permission_list<'a>(&self, permissions: impl IntoIterator<Item = &'a Permission>) -> String {
        let names: Vec<_> = permissions.into_iter().map(|p| self.permission(*p)).collect();
        if names.is_empty() {
            self.permissions_off.to_string()
        } else {
            names.join(", ")
        }
    }

    pub fn action(&self, action: ActivityAction) -> &'static str {
        match action {
            ActivityAction::CreateCustomerPurchasePermissions => "Create Customer Purchase Permissions",
            ActivityAction::UpdateCustomerPurchasePermissions => "Update Customer Purchase Permissions",
            ActivityAction::DeleteCustomerPurchasePermissions => "Delete Customer Purchase Permissions",
        }
    }

    pub fn subscription_status(&self, status: SubscriptionStatus) -> &'static str {
        match status {
            SubscriptionStatus::Active => "Active",
            SubscriptionStatus::Suspended => "Suspended",
            SubscriptionStatus::Deleted => "Deleted",
        }
    }

    pub fn billing_type(&self, billing: BillingType) -> &'static str {
        match billing {
            BillingType::Usage => "Usage-based",
            BillingType::License => "License-based",
        }
    }

    /// A failure in words a partner's staff member understands.
    pub fn error(&self, error: &BackendError) -> String {
        match error {
            BackendError::Domain(DomainError::NotAdminAgent { .. }) => self.error_not_admin.to_string(),
            BackendError::Domain(DomainError::UnknownPartnerUser(_)) => self.error_unknown_user.to_string(),
            BackendError::Domain(DomainError::UnknownCustomer(_)) => self.error_unknown_customer.to_string(),
            BackendError::Domain(DomainError::InvalidCustomerId(text)) => fill(self.error_invalid_customer_id, &[text]),
            BackendError::Domain(DomainError::StaleEtag) => self.error_stale.to_string(),
            BackendError::Domain(DomainError::NotAllowedToCreateCustomers { .. }) => {
                self.error_not_allowed_to_create.to_string()
            }
            BackendError::Domain(DomainError::InvalidNewCustomer(why)) => fill(self.error_invalid_new_customer, &[why]),
            BackendError::Domain(DomainError::DomainTaken(domain)) => fill(self.error_domain_taken, &[domain]),
            BackendError::Storage(why) => fill(self.error_storage, &[why]),
            BackendError::Network(why) => fill(self.error_network, &[why]),
            BackendError::NotSupported => self.error_not_supported.to_string(),
            BackendError::Server { status, message } => {
                fill(self.error_server, &[&format!("{status}: {message}")])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn fill_puts_arguments_in_order_and_tolerates_missing_ones() {
        assert_eq!(fill("{} turned On for {}.", &["A", "B"]), "A turned On for B.");
        assert_eq!(fill("{} and {}", &["only"]), "only and ");
        assert_eq!(fill("none", &["x"]), "none");
        assert_eq!(number(0), "0");
        assert_eq!(number(999), "999");
        assert_eq!(number(10_025), "10,025");
        assert_eq!(number(1_000_000), "1,000,000");
    }
}
