//! The frame of every page: top bar (product, gear, who is signed in) and left navigation.
//! A customer user sees their company's Azure portal instead of Partner Center: its name in
//! the top bar, no gear (the Activity log is the partner's), and the portal's navigation.

use leptos::prelude::*;

use crate::app_route::{AppRoute, Section};
use crate::app_state::use_app;
use crate::backend::BackendKind;
use crate::chunks::LazyExtra;
use crate::components::demo_data_panel::DemoDataPanel;
use crate::components::identity_switcher::IdentitySwitcher;
use crate::components::language_picker::LanguagePicker;
use crate::components::message_bar::MessageBar;
use crate::i18n::fill;
use crate::use_route;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    view! {
        <div class="app">
            <TopBar/>
            <div class="body">
                <LeftNav/>
                <main class="content" id="main">
                    <MessageBar/>
                    {children()}
                </main>
            </div>
        </div>
    }
}

#[component]
fn TopBar() -> impl IntoView {
    let app = use_app();
    let m = app.t();
    let customer = Memo::new(move |_| app.is_customer_user());
    let (backend_name, backend_hint) = match app.core().kind() {
        BackendKind::Embedded => (m.backend_embedded.to_string(), m.backend_embedded_hint),
        BackendKind::MockApi(url) => {
            let place = if url.is_empty() { m.backend_api_same_origin } else { url.as_str() };
            (fill(m.backend_api, &[("place", place)]), m.backend_api_hint)
        }
    };
    view! {
        <header class="top-bar">
            <a class="skip-link" href="#main">{m.skip_to_content}</a>
            {move || if customer.get() {
                view! {
                    <a class="brand brand-azure" href=app.href(&AppRoute::MySubscriptions)>
                        <span class="brand-name">{m.azure_portal_name}</span>
                        <span class="brand-workspace">{m.azure_portal_workspace}</span>
                    </a>
                }.into_any()
            } else {
                view! {
                    <a class="brand" href=app.href(&AppRoute::Customers)>
                        <span class="brand-name">{m.product_name}</span>
                        <span class="brand-workspace">{m.workspace}</span>
                    </a>
                }.into_any()
            }}
            <div class="top-bar-end">
                <span class="backend-badge" title=backend_hint data-testid="backend">{backend_name}</span>
                // The count of requests waiting and the bell need the whole backend, which the
                // first page does not load: they come with their chunk once it is there.
                {move || (!customer.get() && app.backend_ready.get()).then(|| view! { <LazyExtra load=crate::chunks::partner_top_bar/> })}
                {move || (!customer.get()).then(|| view! {
                    <a class="icon-button" href=app.href(&AppRoute::ActivityLog) aria-label=m.settings title=m.settings>
                        <GearIcon/>
                    </a>
                })}
                <LanguagePicker/>
                <IdentitySwitcher/>
            </div>
        </header>
    }
}

#[component]
fn LeftNav() -> impl IntoView {
    let app = use_app();
    let m = app.t();
    let route = use_route();
    let item = move |target: AppRoute, label: &'static str, here: fn(&AppRoute) -> bool| {
        let current = Memo::new(move |_| route.with(here));
        view! {
            <li>
                <a href=app.href(&target) class:active=current aria-current=move || current.get().then_some("page")>{label}</a>
            </li>
        }
    };
    let customer = Memo::new(move |_| app.is_customer_user());
    view! {
        <nav class="left-nav" aria-label=m.nav_label>
            {move || if customer.get() {
                view! {
                    <ul>
                        {item(AppRoute::MySubscriptions, m.nav_azure_subscriptions, |r| *r == AppRoute::MySubscriptions)}
                        {item(AppRoute::MyReservations, m.nav_reservations, |r| matches!(r, AppRoute::MyReservations | AppRoute::BuyReservation))}
                        {item(AppRoute::MySavingsPlans, m.nav_savings_plans, |r| matches!(r, AppRoute::MySavingsPlans | AppRoute::BuySavingsPlan))}
                    </ul>
                }.into_any()
            } else {
                view! {
                    <ul>
                        {item(AppRoute::Customers, m.nav_customers, |r| matches!(r.section(), Section::Customers | Section::Customer(_) | Section::InvalidCustomerId(_)))}
                        {item(AppRoute::Purchases, m.nav_reservations, |r| matches!(r, AppRoute::Purchases | AppRoute::Purchase(_)))}
                        {item(AppRoute::Requests, m.nav_requests, |r| *r == AppRoute::Requests)}
                        {item(AppRoute::ActivityLog, m.activity_log, |r| *r == AppRoute::ActivityLog)}
                        {matches!(app.core().kind(), BackendKind::MockApi(_)).then(|| {
                            item(AppRoute::RequestsInspector, m.nav_requests_inspector, |r| *r == AppRoute::RequestsInspector)
                        })}
                    </ul>
                }.into_any()
            }}
            <DemoDataPanel/>
        </nav>
    }
}

#[component]
fn GearIcon() -> impl IntoView {
    view! {
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M19.4 13a7.6 7.6 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.4 7.4 0 0 0-1.7-1l-.4-2.6h-4l-.4 2.6a7.4 7.4 0 0 0-1.7 1l-2.5-1-2 3.5L4.6 11a7.6 7.6 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1a7.4 7.4 0 0 0 1.7 1l.4 2.6h4l.4-2.6a7.4 7.4 0 0 0 1.7-1l2.5 1 2-3.5zM12 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"/>
        </svg>
    }
}
