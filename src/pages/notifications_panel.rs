//! The partner's notifications, as the top bar's bell opens them (a chunk of its own: the
//! first page carries only the bell and its count): customers' own purchases, with the amount
//! billed to the partner and a link to the customer's Order history, and customers' requests,
//! with a link to the Requests page; newest first, the unread marked. Mark one as read, or
//! all. The list follows every change kept (a purchase made meanwhile comes in unread).

use domain::{MarkRead, Notification, NotificationAbout};
use leptos::prelude::*;

use crate::app_route::AppRoute;
use crate::app_state::{use_app, AppState};
use crate::components::confirm_dialog::focus_by_id;
use crate::components::status_text::{backend_error, EmptyText, Loading};
use crate::i18n::{fill, NotificationTexts, RequestTexts};
use crate::pages::{read_as_user, ReadKinds};

/// The panel's content; `on_close` closes it (a link followed).
#[component]
pub fn NotificationsPanel(on_close: Callback<()>) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<NotificationTexts>();
    provide_context(ReadKinds::NOTIFICATIONS);
    let feed = read_as_user(app, || (), |backend, caller| async move { backend.notifications(&caller).await });
    let mark = Action::new_local(move |which: &MarkRead| {
        let (backend, caller, which) = (app.backend(), app.caller(), which.clone());
        async move {
            let result = match (backend, caller) {
                (Ok(backend), Ok(caller)) => backend.mark_notifications_read(&caller, which).await,
                (Err(error), _) | (_, Err(error)) => Err(error),
            };
            if let Err(error) = &result {
                app.report(error.clone());
            }
            result
        }
    });
    let unread = move || feed.get().flatten().and_then(Result::ok).map_or(0, |f| f.unread);
    view! {
        <div class="notifications-head">
            <h2 class="notifications-title" id="notifications-title">{m.notifications_title}</h2>
            <button type="button" class="button button-small" data-testid="mark-all-read"
                disabled=move || unread() == 0 || mark.pending().get()
                on:click=move |_| { mark.dispatch(MarkRead::All); }>{m.mark_all_read}</button>
        </div>
        <Transition fallback=Loading>
            {move || feed.get().map(|read| match read {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(feed)) if feed.items.is_empty() => view! { <EmptyText text=m.notifications_empty/> }.into_any(),
                Some(Ok(feed)) => view! {
                    <ul class="notifications-list">
                        {feed.items.into_iter().map(|n| item(app, n, mark, on_close)).collect_view()}
                    </ul>
                }.into_any(),
                Some(Err(error)) => backend_error(&error),
            })}
        </Transition>
    }
}

/// One notification: what happened, who and when, the link to it, and Mark as read.
fn item(app: AppState, n: Notification, mark: Action<MarkRead, Result<(), crate::backend::BackendError>>, on_close: Callback<()>) -> impl IntoView {
    let m = app.texts::<NotificationTexts>();
    let who = n.by.as_str();
    let (what, billed, link, link_text) = match &n.about {
        NotificationAbout::Purchase { product, display_name, amount, .. } => (
            fill(m.notification_purchase, &[("user", who), ("product", product), ("name", display_name)]),
            Some(fill(m.notification_billed, &[("amount", &m.money(*amount))])),
            AppRoute::Orders(n.customer_id),
            m.open_order_history,
        ),
        NotificationAbout::Request { kind, benefit_name, .. } => (
            fill(m.notification_request, &[("user", who), ("request", app.texts::<RequestTexts>().request_kind(*kind)), ("name", benefit_name)]),
            None,
            AppRoute::Requests,
            m.open_request,
        ),
    };
    let id = n.id;
    let mark_button = (!n.read).then(|| {
        let label = fill(m.mark_read_label, &[("what", &what)]);
        view! {
            <button type="button" class="button button-small" aria-label=label
                on:click=move |_| {
                    // The button goes once it is read: the focus stays in the panel.
                    focus_by_id("notifications-panel");
                    mark.dispatch(MarkRead::Only(vec![id]));
                }>{m.mark_read}</button>
        }
    });
    view! {
        <li class="notification" class:unread=!n.read data-testid="notification">
            <div class="notification-text">
                {(!n.read).then(|| view! { <span class="unread-dot" title=m.notification_unread><span class="visually-hidden">{m.notification_unread}</span></span> })}
                <strong>{n.customer_name.clone()}</strong>
                <span>{what}</span>
                {billed.map(|b| view! { <span class="notification-billed">{b}</span> })}
                <span class="secondary">{m.date_time(n.at)}</span>
            </div>
            <div class="notification-actions">
                <a href=app.href(&link) on:click=move |_| on_close.run(())>{link_text}</a>
                {mark_button}
            </div>
        </li>
    }
}
