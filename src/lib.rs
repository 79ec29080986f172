//! The Partner Center customer-permissions app: router, shell and pages.
//! See ARCHITECTURE.md for the map.

pub mod app_route;
pub mod app_state;
pub mod backend;
pub mod browser_events;
pub mod chunks;
pub mod components;
pub mod i18n;
pub mod pages;

use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::components::{Redirect, Router};
use leptos_router::hooks::use_location;
use leptos_router::location::{BrowserUrl, LocationProvider};

use crate::app_route::{path_below_base, AppRoute, Section, Side};
use crate::app_state::{use_app, AppState};
use crate::backend::{Backend, Core, EmbeddedStore, LoadOutcome, Operations};
use crate::chunks::{ChunkFailed, ChunkUnavailable, LazyView};
use crate::components::shell::Shell;
use crate::i18n::fill;
use crate::pages::customers_page::CustomersPage;
use crate::pages::not_found_page::NotFoundPage;
use crate::pages::other_side_page::OtherSidePage;

/// Entry point of the Wasm binary: panics become readable, then the app mounts on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(Root);
}

/// The app as the address asks for it: on the mock API with `?api=` (once its client's chunk
/// is loaded), else on the embedded store: fresh demo data on a first visit, or what this
/// browser kept (once the chunk that reads it is loaded).
#[component]
pub fn Root() -> impl IntoView {
    match chosen_api() {
        Some(url) => view! {
            <StartWith load=move || {
                let loading = chunks::http_backend(url.clone());
                async move { loading.await.map(Started::on_api) }
            }/>
        }
        .into_any(),
        None if EmbeddedStore::has_saved_data() => view! {
            <StartWith load=|| async {
                chunks::restore_saved_data().await.map(|(store, outcome)| Started::on_store(store, outcome))
            }/>
        }
        .into_any(),
        None => {
            let (store, outcome) = EmbeddedStore::fresh_demo();
            view! { <App started=Started::on_store(Rc::new(store), outcome)/> }.into_any()
        }
    }
}

/// A backend to start the app on.
#[derive(Clone)]
pub struct Started {
    core: Rc<dyn Core>,
    operations: Operations,
    /// What the embedded store found in storage.
    outcome: Option<LoadOutcome>,
}

impl Started {
    fn on_store(store: Rc<EmbeddedStore>, outcome: LoadOutcome) -> Self {
        store.follow_other_tabs();
        Self { core: store.clone(), operations: Operations::OnFirstUse(store), outcome: Some(outcome) }
    }

    fn on_api(backend: Rc<dyn Backend>) -> Self {
        Self { core: backend.clone(), operations: Operations::Loaded(backend), outcome: None }
    }
}

/// The app once `load` has its backend; nothing until then, and if its chunk cannot be
/// loaded, the reason (in the language the app would show) and Try again.
#[component]
fn StartWith<F, Fut>(load: F) -> impl IntoView
where
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<Started, ChunkUnavailable>> + 'static,
{
    let attempt = RwSignal::new(0_u32);
    let loaded = LocalResource::new(move || {
        attempt.track();
        load()
    });
    move || match loaded.get() {
        None => ().into_any(),
        Some(Ok(started)) => view! { <App started=started/> }.into_any(),
        Some(Err(ChunkUnavailable)) => view! {
            <main class="content">
                <ChunkFailed retry=Callback::new(move |()| attempt.update(|n| *n += 1))/>
            </main>
        }
        .into_any(),
    }
}

/// The whole app on the backend it `started` with.
#[component]
pub fn App(started: Started) -> impl IntoView {
    let Started { core, operations, outcome } = started;
    let state = AppState::new(core, operations, app_base_path());
    if let Some(outcome) = outcome {
        state.announce_load(outcome);
    }
    provide_context(state);
    let base = state.base();

    // Pages read their texts when they render, so a change of language renders them again
    // (what they show lives in the address and in the backend, so nothing is lost).
    view! {
        <Router base=base>
            {move || {
                state.lang.track();
                view! { <Shell><CurrentPage/></Shell> }
            }}
        </Router>
    }
}

/// The page for the address in the location bar. A customer's pages share one layout
/// (`CustomerLayout`), which stays while only its tab changes: the routes nest.
///
/// The matching is `AppRoute`'s (a few lines, tested) rather than leptos_router's
/// `<Routes>`, whose route-tree machinery is about 60 KB of the unoptimised Wasm (some
/// 15 KB brotli by its share).
#[component]
fn CurrentPage() -> impl IntoView {
    let route = use_route();
    let section = Memo::new(move |_| route.with(AppRoute::section));
    // leptos_router shows a new address in the location bar only once the router says the
    // new page is there; with no <Routes>, that is said here, after each render.
    let location = use_location();
    if let Some(browser_url) = use_context::<BrowserUrl>() {
        Effect::new(move |_| {
            location.pathname.track();
            browser_url.ready_to_complete();
        });
    }
    let app = use_app();
    // Which side the signed-in user belongs to (`None` until the users are read).
    let signed_in = Memo::new(move |_| app.current_user.with(|caller| caller.as_ref().map(Side::of)));
    // Once the page is on screen, the chunks of the user's side arrive while the browser idles.
    Effect::new(move |_| {
        if let Some(side) = signed_in.get() {
            chunks::preload::when_idle(side, app);
        }
    });
    move || {
        let section = section.get();
        let side = route.with_untracked(AppRoute::side);
        match (signed_in.get(), section) {
            (Some(Side::Customer), Section::Home) => view! { <Redirect path=AppRoute::MySubscriptions.path()/> }.into_any(),
            (_, Section::Home) => view! { <Redirect path=AppRoute::Customers.path()/> }.into_any(),
            // A page of the other side: say whose it is, and where to go instead.
            (Some(me), _) if side != Side::Either && side != me => view! { <OtherSidePage page_side=side/> }.into_any(),
            (_, Section::Customers) => view! { <CustomersPage/> }.into_any(),
            (_, Section::Customer(id)) => {
                view! { <LazyView preload=chunks::preload_customer_pages load=move || chunks::customer_pages(id, route)/> }.into_any()
            }
            (_, Section::Purchases) => {
                view! { <LazyView preload=chunks::preload_purchases load=move || chunks::purchases_pages(route)/> }.into_any()
            }
            (_, Section::ActivityLog) => {
                view! { <LazyView preload=chunks::preload_activity_log load=chunks::activity_log_page/> }.into_any()
            }
            (_, Section::Developer) => {
                view! { <LazyView preload=chunks::preload_developer load=chunks::developer_page/> }.into_any()
            }
            (_, Section::Portal) => {
                view! { <LazyView preload=chunks::preload_portal load=move || chunks::portal_pages(route)/> }.into_any()
            }
            (_, Section::InvalidCustomerId(text)) => {
                view! { <NotFoundPage detail=fill(app.t().customer_not_found, &[("id", &text)])/> }.into_any()
            }
            (_, Section::NotFound) => view! { <NotFoundPage/> }.into_any(),
        }
    }
}

/// The route of the current location (inside the `<Router>`), for what the shell marks as
/// the current place.
pub fn use_route() -> Memo<AppRoute> {
    let app = use_app();
    let location = use_location();
    Memo::new(move |_| {
        let pathname = location.pathname.get();
        match path_below_base(&app.base(), &pathname) {
            // decodeURIComponent refuses broken escapes: then the path is taken as it is.
            Some(path) => AppRoute::parse(&js_sys::decode_uri_component(path).map(String::from).unwrap_or_else(|_| path.to_string())),
            None => AppRoute::NotFound,
        }
    })
}

const API_KEY: &str = "customer-permissions/api";

/// The mock API to use instead of the embedded store: `?api=http://127.0.0.1:8081` (or
/// `?api=/` behind `trunk serve`'s proxy), remembered for the browser session;
/// `?api=off` goes back to the embedded store.
fn chosen_api() -> Option<String> {
    let window = web_sys::window()?;
    let session = window.session_storage().ok().flatten();
    let search = window.location().search().unwrap_or_default();
    let asked = web_sys::UrlSearchParams::new_with_str(&search).ok().and_then(|p| p.get("api"));
    match asked.as_deref().map(str::trim) {
        Some("off") | Some("") => {
            if let Some(session) = &session {
                let _ = session.remove_item(API_KEY);
            }
            None
        }
        Some(url) => {
            if let Some(session) = &session {
                let _ = session.set_item(API_KEY, url);
            }
            Some(url.to_string())
        }
        None => session.and_then(|s| s.get_item(API_KEY).ok().flatten()),
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
