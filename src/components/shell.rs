//! The frame of every page: top bar (product, gear, who is signed in) and left navigation.

use leptos::prelude::*;

use crate::app_route::AppRoute;
use crate::app_state::use_app;
use crate::backend::BackendKind;
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
    let (backend_name, backend_hint) = match app.backend().kind() {
        BackendKind::Embedded => (m.backend_embedded.to_string(), m.backend_embedded_hint),
        BackendKind::MockApi(url) => {
            let place = if url.is_empty() { m.backend_api_same_origin } else { url.as_str() };
            (fill(m.backend_api, &[("place", place)]), m.backend_api_hint)
        }
    };
    view! {
        <header class="top-bar">
            <a class="skip-link" href="#main">{m.skip_to_content}</a>
            <a class="brand" href=app.href(&AppRoute::Customers)>
                <span class="brand-name">{m.product_name}</span>
                <span class="brand-workspace">{m.workspace}</span>
            </a>
            <div class="top-bar-end">
                <span class="backend-badge" title=backend_hint data-testid="backend">{backend_name}</span>
                <a class="icon-button" href=app.href(&AppRoute::ActivityLog) aria-label=m.settings title=m.settings>
                    <GearIcon/>
                </a>
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
    let in_customers = move || {
        matches!(
            route.get(),
            AppRoute::Customers | AppRoute::Account(_) | AppRoute::Subscriptions(_) | AppRoute::InvalidCustomerId(_)
        )
    };
    let in_log = move || route.get() == AppRoute::ActivityLog;
    view! {
        <nav class="left-nav" aria-label=m.nav_label>
            <ul>
                <li>
                    <a href=app.href(&AppRoute::Customers) class:active=in_customers
                        aria-current=move || in_customers().then_some("page")>{m.nav_customers}</a>
                </li>
                <li>
                    <a href=app.href(&AppRoute::ActivityLog) class:active=in_log
                        aria-current=move || in_log().then_some("page")>{m.activity_log}</a>
                </li>
            </ul>
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
