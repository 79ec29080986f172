//! Shown for unknown addresses and unknown customers.

use leptos::prelude::*;

use crate::app_route::AppRoute;
use crate::app_state::{set_title, use_app};

#[component]
pub fn NotFoundPage(
    /// What was not found, in words; the general text when absent.
    #[prop(optional, into)]
    detail: Option<String>,
) -> impl IntoView {
    let app = use_app();
    let m = app.t();
    set_title(app, m.not_found_title);
    view! {
        <section class="not-found" data-testid="not-found">
            <h1 class="page-title">{m.not_found_title}</h1>
            <p>{detail.unwrap_or_else(|| m.not_found_text.to_string())}</p>
            {if app.is_customer_user() {
                view! { <p><a href=app.href(&AppRoute::MySubscriptions)>{m.go_to_my_subscriptions}</a></p> }
            } else {
                view! { <p><a href=app.href(&AppRoute::Customers)>{m.back_to_customers}</a></p> }
            }}
        </section>
    }
}
