//! One file per page.

pub mod account_page;
pub mod activity_log_page;
pub mod customers_page;
pub mod not_found_page;
pub mod subscriptions_page;

use domain::{CustomerId, DomainError};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::backend::BackendError;
use crate::messages::{fill, t};
use crate::pages::not_found_page::NotFoundPage;

/// The customer id in the page's URL (`/customers/:id/...`), parsed.
pub(crate) fn customer_id_param() -> Memo<Result<CustomerId, DomainError>> {
    let params = use_params_map();
    Memo::new(move |_| CustomerId::parse(&params.read().get("id").unwrap_or_default()))
}

/// What a customer's page shows when the customer cannot be loaded: "not found" for an
/// unknown or malformed id (shown as the user typed it), the error in words otherwise.
pub(crate) fn customer_load_error(error: &BackendError) -> AnyView {
    let m = t();
    match error {
        BackendError::Domain(DomainError::InvalidCustomerId(text)) => {
            view! { <NotFoundPage detail=fill(m.customer_not_found, &[text])/> }.into_any()
        }
        BackendError::Domain(DomainError::UnknownCustomer(id)) => {
            view! { <NotFoundPage detail=fill(m.customer_not_found, &[&id.to_string()])/> }.into_any()
        }
        other => view! { <p class="error-text" role="alert">{m.error(other)}</p> }.into_any(),
    }
}
