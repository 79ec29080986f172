//! The frame of every page: top bar (product, gear, who is signed in) and left navigation.
//! A customer user sees their company's Azure portal instead of Partner Center: its name in
//! the top bar, no gear (the Activity log is the partner's), and the portal's navigation.

use leptos::prelude::*;

use crate::app_route::{AppRoute, Section};
use crate::app_state::use_app;
use crate::backend::BackendKind;
use crate::chunks::LazyView;
use crate::components::confirm_dialog::focus_by_id;
use crate::components::demo_data_panel::DemoDataPanel;
use crate::components::identity_switcher::IdentitySwitcher;
use crate::components::language_picker::LanguagePicker;
use crate::components::message_bar::MessageBar;
use crate::i18n::fill;
use crate::pages::read_as_user;
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
                {move || (!customer.get()).then(|| view! { <RequestsWaiting/> })}
                {move || (!customer.get()).then(|| view! { <NotificationBell/> })}
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

/// The top bar's count of customers' requests waiting for the partner: a link to them,
/// shown while there are any. It follows every change kept (a request made in the
/// customer's portal, one approved or declined). It needs the whole backend, which the first
/// page does not load: it appears once that is there (loaded while the browser idles).
#[component]
fn RequestsWaiting() -> impl IntoView {
    let app = use_app();
    let m = app.t();
    let waiting = read_as_user(app, move || app.backend_ready.track(), move |backend, caller| async move {
        backend.pending_requests(&caller).await
    });
    move || match waiting.get().flatten() {
        Some(Ok(count)) if count > 0 => Some(view! {
            <a class="requests-badge" href=app.href(&AppRoute::Requests) data-testid="requests-waiting">
                {m.plural(m.requests_waiting, count)}
            </a>
        }),
        _ => None,
    }
}

/// The top bar's bell: the partner user's notifications (customers' own purchases and
/// requests), named with the unread count and showing it while there are any. The count
/// follows every change kept, and appears once the whole backend is there (as the requests'
/// count). Opened, the list is a chunk of its own (`chunks::notifications_panel`); Escape
/// closes it, and the focus goes back to the bell.
#[component]
fn NotificationBell() -> impl IntoView {
    let app = use_app();
    let m = app.t();
    let unread = read_as_user(app, move || app.backend_ready.track(), move |backend, caller| async move {
        backend.unread_notifications(&caller).await
    });
    let count = move || unread.get().flatten().and_then(Result::ok).unwrap_or(0);
    let open = RwSignal::new(false);
    let close = Callback::new(move |()| {
        open.set(false);
        focus_by_id(BELL_ID);
    });
    let panel = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(panel) = panel.get() {
            let _ = panel.focus();
        }
    });
    view! {
        <div class="bell" on:keydown=move |ev| if open.get_untracked() && ev.key() == "Escape" { close.run(()) }>
            <button type="button" id=BELL_ID class="icon-button bell-button" data-testid="notifications-bell"
                aria-expanded=move || open.get().to_string() aria-controls="notifications-panel"
                aria-label=move || m.plural(m.notifications_bell, count())
                on:click=move |_| open.update(|o| *o = !*o)>
                <BellIcon/>
                {move || (count() > 0).then(|| view! { <span class="bell-count" aria-hidden="true" data-testid="bell-count">{m.number(count())}</span> })}
            </button>
            {move || open.get().then(|| view! {
                <div id="notifications-panel" class="notifications-panel" role="dialog" aria-labelledby="notifications-title"
                    tabindex="-1" node_ref=panel>
                    <LazyView preload=crate::chunks::preload_notifications load=move || crate::chunks::notifications_panel(close)/>
                </div>
            })}
        </div>
    }
}

/// The bell's element id: where the focus goes back to.
const BELL_ID: &str = "notifications-bell";

#[component]
fn BellIcon() -> impl IntoView {
    view! {
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"/>
        </svg>
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
