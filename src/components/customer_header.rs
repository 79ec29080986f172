//! The top of every customer page: breadcrumb, the company name, and the customer's menu,
//! its current tab marked.

use domain::CustomerId;
use leptos::prelude::*;

use crate::i18n::CustomerTexts;

use crate::app_route::AppRoute;
use crate::app_state::use_app;
use crate::use_route;

#[component]
pub fn CustomerHeader(id: CustomerId, #[prop(into)] company_name: String) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<CustomerTexts>();
    let current = use_route();
    let tab = move |route: AppRoute, label: &'static str| {
        let href = app.href(&route);
        let tab = route.customer_tab();
        let is_current = Memo::new(move |_| current.with(AppRoute::customer_tab) == tab);
        view! {
            <li>
                <a href=href class:active=is_current
                    aria-current=move || is_current.get().then_some("page")>{label}</a>
            </li>
        }
    };
    view! {
        <nav class="breadcrumb" aria-label=m.breadcrumb>
            <a href=app.href(&AppRoute::Customers)>{m.nav_customers}</a>
            <span aria-hidden="true">" › "</span>
            <span class="breadcrumb-current">{company_name.clone()}</span>
        </nav>
        <h1 class="page-title customer-title">{company_name}</h1>
        <nav class="customer-menu" aria-label=m.customer_menu>
            <ul>
                {tab(AppRoute::Account(id), m.account)}
                {tab(AppRoute::Subscriptions(id), m.subscriptions)}
                {tab(AppRoute::Orders(id), m.order_history)}
                {tab(AppRoute::CustomerPurchases(id), m.nav_reservations)}
            </ul>
        </nav>
    }
}
