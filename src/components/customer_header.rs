//! The top of every customer page: breadcrumb, the company name, and the customer's menu.

use domain::CustomerId;
use leptos::prelude::*;

use crate::app_route::AppRoute;
use crate::app_state::use_app;
use crate::messages::t;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomerTab {
    Account,
    Subscriptions,
}

#[component]
pub fn CustomerHeader(id: CustomerId, #[prop(into)] company_name: String, active: CustomerTab) -> impl IntoView {
    let app = use_app();
    let m = t();
    let tab = move |tab: CustomerTab, route: AppRoute, label: &'static str| {
        let current = active == tab;
        view! {
            <li>
                <a href=app.href(&route) class:active=current
                    aria-current=current.then_some("page")>{label}</a>
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
                {tab(CustomerTab::Account, AppRoute::Account(id), m.account)}
                {tab(CustomerTab::Subscriptions, AppRoute::Subscriptions(id), m.subscriptions)}
            </ul>
        </nav>
    }
}
