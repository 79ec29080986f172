//! One file per page.

pub mod account_page;
pub mod activity_log_page;
pub mod customers_page;
pub mod not_found_page;
pub mod subscriptions_page;

use domain::{CustomerId, DomainError};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The customer id in the page's URL (`/customers/:id/...`), parsed.
pub(crate) fn customer_id_param() -> Memo<Result<CustomerId, DomainError>> {
    let params = use_params_map();
    Memo::new(move |_| CustomerId::parse(&params.read().get("id").unwrap_or_default()))
}
