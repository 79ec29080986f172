//! The Partner Center customer-permissions app: router, shell and pages.
//! See ARCHITECTURE.md for the map.

pub mod app_state;
pub mod backend;
pub mod components;
pub mod messages;
pub mod pages;

use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::app_state::AppState;
use crate::backend::{Backend, EmbeddedStore};
use crate::components::shell::Shell;
use crate::pages::{
    account_page::AccountPage, activity_log_page::ActivityLogPage,
    customers_page::CustomersPage, not_found_page::NotFoundPage,
    subscriptions_page::SubscriptionsPage,
};

/// Entry point of the Wasm binary: panics become readable, then the app mounts on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The whole app, on the embedded store.
#[component]
pub fn App() -> impl IntoView {
    let (store, outcome) = EmbeddedStore::load();
    let backend: Rc<dyn Backend> = Rc::new(store);
    let state = AppState::new(backend, app_base_path());
    state.announce_load(outcome);
    provide_context(state);
    let base = state.base();

    view! {
        <Router base=base>
            <Shell>
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/") view=|| view! { <Redirect path="/customers"/> }/>
                    <Route path=path!("/customers") view=CustomersPage/>
                    <Route path=path!("/customers/:id/account") view=AccountPage/>
                    <Route path=path!("/customers/:id/subscriptions") view=SubscriptionsPage/>
                    <Route path=path!("/activity-log") view=ActivityLogPage/>
                </Routes>
            </Shell>
        </Router>
    }
}

/// The path the app is served under, from `<base href>` (trunk writes its public URL
/// there): "" at the root, "/some/path" under a sub-path.
fn app_base_path() -> String {
    let href = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("base[href]").ok().flatten())
        .and_then(|base| base.get_attribute("href"))
        .unwrap_or_default();
    let path = match href.find("://") {
        // An absolute URL: keep its path only.
        Some(at) => href[at + 3..].find('/').map(|p| href[at + 3 + p..].to_string()).unwrap_or_default(),
        None => href,
    };
    path.trim_end_matches('/').to_string()
}

