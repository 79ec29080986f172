//! The partner's top bar beyond the first page: the count of customers' requests waiting and
//! the bell. Both need the whole backend, so they live in a chunk of their own
//! (`chunks::partner_top_bar`), shown once the backend is there (loaded while the browser
//! idles).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app_route::AppRoute;
use crate::app_state::use_app;
use crate::browser_events::Listener;
use crate::components::confirm_dialog::focus_by_id;
use crate::pages::{read_as_user, ReadKinds};

#[component]
pub fn PartnerTopBar() -> impl IntoView {
    view! {
        <div class="top-bar-extras">
            <RequestsWaiting/>
            <NotificationBell/>
        </div>
    }
}

/// The top bar's count of customers' requests waiting for the partner: a link to them,
/// shown while there are any. It follows the changes to requests (one made in the
/// customer's portal, one approved or declined). It needs the whole backend, which the first
/// page does not load: it appears once that is there (loaded while the browser idles).
#[component]
fn RequestsWaiting() -> impl IntoView {
    let app = use_app();
    let m = app.t();
    provide_context(ReadKinds::REQUESTS);
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
/// follows purchases, requests and what was read, and appears once the whole backend is there (as the requests'
/// count). Opened, it lists them (in this chunk too); Escape closes it, and the focus goes
/// back to the bell; so does a click outside it, the focus staying where the user clicked.
#[component]
fn NotificationBell() -> impl IntoView {
    let app = use_app();
    let m = app.t();
    provide_context(ReadKinds::NOTIFICATIONS);
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
    // While open, a press anywhere outside the bell and its panel closes it.
    let bell = NodeRef::<leptos::html::Div>::new();
    let outside = StoredValue::new_local(None::<Listener>);
    Effect::new(move |_| {
        let listening = open.get().then(|| close_on_press_outside(bell, open)).flatten();
        outside.set_value(listening);
    });
    view! {
        <div class="bell" node_ref=bell on:keydown=move |ev| if open.get_untracked() && ev.key() == "Escape" { close.run(()) }>
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
                    <crate::pages::notifications_panel::NotificationsPanel on_close=close/>
                </div>
            })}
        </div>
    }
}

/// Sets `open` to false on a press anywhere outside `inside`, until dropped.
fn close_on_press_outside(inside: NodeRef<leptos::html::Div>, open: RwSignal<bool>) -> Option<Listener> {
    let document = web_sys::window()?.document()?;
    Listener::new(
        document.unchecked_ref(),
        "pointerdown",
        Box::new(move |event| {
            let pressed = event.target().and_then(|target| target.dyn_into::<web_sys::Node>().ok());
            let within = inside.get_untracked().is_some_and(|inside| inside.contains(pressed.as_ref()));
            if !within {
                open.try_set(false);
            }
        }),
    )
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

