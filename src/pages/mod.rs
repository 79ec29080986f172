//! One file per page.

pub mod account_page;
pub mod activity_log_page;
pub mod customers_page;
pub mod not_found_page;
pub mod subscriptions_page;

use domain::DomainError;
use leptos::prelude::*;

use crate::backend::BackendError;
use crate::components::status_text::backend_error;
use crate::messages::{fill, t};
use crate::pages::not_found_page::NotFoundPage;

/// A customer page whose address holds no Microsoft ID: "not found", with the text as the
/// user typed it.
pub(crate) fn invalid_customer_id(text: &str) -> AnyView {
    view! { <NotFoundPage detail=fill(t().customer_not_found, &[text])/> }.into_any()
}

/// What a customer's page shows when the customer cannot be loaded: "not found" for an
/// unknown id, the error in words otherwise.
pub(crate) fn customer_load_error(error: &BackendError) -> AnyView {
    match error {
        BackendError::Domain(DomainError::UnknownCustomer(id)) => invalid_customer_id(&id.to_string()),
        other => backend_error(other),
    }
}
