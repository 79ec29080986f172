//! CSP › Requests: what customers asked the partner to do with their purchases (exchange,
//! cancel, renew), newest first. **Approve** opens the same confirmation as doing it from the
//! purchase's page and does it as the signed-in partner user, under the same rules (a refund
//! beyond the limit cannot be approved); **Decline** asks for the reason the customer reads.

use domain::{BenefitItem, CustomerRequest, PurchasedBenefit, RequestKind, RequestStatus};
use leptos::prelude::*;

use super::dialogs::{CancelDialog, ExchangeDialog, RenewDialog};
use super::may_manage;
use crate::app_route::AppRoute;
use crate::app_state::{set_title, use_app, NoticeText};
use crate::components::acting_user::ActingUser;
use crate::components::confirm_dialog::{focus_by_id, ConfirmDialog};
use crate::components::status_text::{backend_error, EmptyText, Loading, TableHead};
use crate::i18n::{fill, Catalogue, PurchasesTexts, RequestTexts};
use crate::pages::{dialog_change, read_as_user, ReadKinds};

/// The requests, each with the purchase it is about (if the caller still sees it).
type Listed = Vec<(CustomerRequest, Option<PurchasedBenefit>)>;

/// What is open: the approval of a request (its confirmation) or its decline.
#[derive(Debug, Clone, PartialEq)]
enum Open {
    Approve(CustomerRequest, PurchasedBenefit),
    Decline(CustomerRequest),
}

#[component]
pub fn RequestsPage() -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PurchasesTexts>();
    set_title(app, m.nav_requests);
    provide_context(ReadKinds::REQUESTS);
    let listed = read_as_user(app, || (), move |backend, caller| async move {
        let requests = backend.requests(&caller, None).await?;
        let purchases = backend.purchased(&caller, None).await?;
        Ok(requests
            .into_iter()
            .map(|r| {
                let bought = purchases.iter().find(|b| b.item.id() == r.benefit).cloned();
                (r, bought)
            })
            .collect::<Listed>())
    });
    let open = RwSignal::new(None::<Open>);
    let close = Callback::new(move |()| {
        let focus = match open.get_untracked() {
            Some(Open::Approve(r, _)) => format!("approve-{}", r.id),
            Some(Open::Decline(r)) => format!("decline-{}", r.id),
            None => String::new(),
        };
        open.set(None);
        focus_by_id(&focus);
    });
    view! {
        <h1 class="page-title">{m.nav_requests}</h1>
        <p class="hint">{m.requests_intro}</p>
        <Transition fallback=Loading>
            {move || listed.get().map(|read| match read {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(listed)) if listed.is_empty() => view! { <EmptyText text=m.no_requests/> }.into_any(),
                Some(Ok(listed)) => view! { <RequestTable listed=listed open=open/> }.into_any(),
                Some(Err(error)) => backend_error(&error),
            })}
        </Transition>
        {move || open.get().map(|opened| match opened {
            Open::Approve(request, bought) => approve_dialog(request, bought, close),
            Open::Decline(request) => view! { <DeclineDialog request=request on_close=close/> }.into_any(),
        })}
    }
}

/// The confirmation that does what the request asks.
fn approve_dialog(request: CustomerRequest, bought: PurchasedBenefit, close: Callback<()>) -> AnyView {
    let approves = Some(request.id);
    match (request.kind, bought.item) {
        (RequestKind::Cancel, BenefitItem::Reservation(r)) => view! { <CancelDialog reservation=r approves=approves on_close=close/> }.into_any(),
        (RequestKind::Exchange, BenefitItem::Reservation(r)) => view! { <ExchangeDialog reservation=r approves=approves on_close=close/> }.into_any(),
        (_, item) => view! { <RenewDialog item=item approves=approves on_close=close/> }.into_any(),
    }
}

#[component]
fn RequestTable(listed: Listed, open: RwSignal<Option<Open>>) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PurchasesTexts>();
    let rt = app.texts::<RequestTexts>();
    let manage = may_manage();
    let rows = listed
        .into_iter()
        .map(|(request, bought)| {
            let purchase = match &bought {
                Some(b) => view! { <a href=app.href(&AppRoute::Purchase(b.item.id()))>{request.benefit_name.clone()}</a> }.into_any(),
                None => request.benefit_name.clone().into_any(),
            };
            let status = match &request.status {
                RequestStatus::Pending => view! { <span>{rt.request_pending}</span> }.into_any(),
                RequestStatus::Approved { by, at } => view! {
                    <span>{rt.request_approved}</span>
                    <div class="secondary">{fill(rt.decided_by, &[("user", by.as_str()), ("date", &m.date(at.date()))])}</div>
                }.into_any(),
                RequestStatus::Declined { by, at, reason } => view! {
                    <span>{rt.request_declined}</span>
                    <div class="secondary">{fill(rt.decided_by, &[("user", by.as_str()), ("date", &m.date(at.date()))])}</div>
                    <div>{fill(rt.declined_because, &[("reason", reason)])}</div>
                }.into_any(),
            };
            let actions = (manage && request.status == RequestStatus::Pending).then(|| {
                let (approve_id, decline_id) = (format!("approve-{}", request.id), format!("decline-{}", request.id));
                let (for_approve, for_decline) = (request.clone(), request.clone());
                let approve = bought.clone().map(|b| view! {
                    <button type="button" class="button" id=approve_id
                        on:click=move |_| open.set(Some(Open::Approve(for_approve.clone(), b.clone())))>{m.approve}</button>
                });
                view! {
                    {approve}
                    <button type="button" class="button" id=decline_id
                        on:click=move |_| open.set(Some(Open::Decline(for_decline.clone())))>{m.decline}</button>
                }
            });
            view! {
                <tr data-testid="request-row">
                    <td class="nowrap">{m.date_time(request.at)}</td>
                    <td><a href=app.href(&AppRoute::CustomerPurchases(request.customer_id))>{request.customer_name.clone()}</a></td>
                    <td>{purchase}</td>
                    <td>{rt.request_kind(request.kind)}</td>
                    <td class="note">{request.note.clone()}</td>
                    <td><ActingUser by=domain::Caller::Customer(request.requested_by.clone())/></td>
                    <td>{status}</td>
                    <td class="nowrap">{actions}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=m.nav_requests>
            <table class="table" data-testid="requests-table">
                <TableHead columns=vec![
                    m.col_requested, m.col_customer, m.col_purchase, m.col_request, m.col_note, m.col_asked_by, m.col_status,
                    m.col_decide,
                ]/>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn DeclineDialog(request: CustomerRequest, on_close: Callback<()>) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PurchasesTexts>();
    let reason = RwSignal::new(String::new());
    let (customer, id, customer_name) = (request.customer_id, request.id, request.customer_name.clone());
    let notice_customer = customer_name.clone();
    let decline = dialog_change(
        on_close,
        move |backend, caller, reason: String| async move { backend.decline_request(&caller, customer, id, reason).await },
        move |_| {
            let customer = notice_customer.clone();
            NoticeText::worded(move |lang| fill(PurchasesTexts::of(lang).request_was_declined, &[("customer", &customer)]))
        },
    );
    view! {
        <ConfirmDialog
            title=fill(m.decline_title, &[("customer", &customer_name)])
            confirm_label=m.decline
            confirm_disabled=Signal::derive(move || decline.pending().get() || reason.with(|r| r.trim().is_empty()))
            on_confirm=Callback::new(move |()| {
                decline.dispatch(reason.get_untracked());
            })
            on_cancel=on_close
        >
            <p>{fill(m.decline_what, &[("request", app.texts::<RequestTexts>().request_kind(request.kind)), ("purchase", &request.benefit_name)])}</p>
            <div class="field">
                <label for="decline-reason">{m.decline_reason}</label>
                <textarea id="decline-reason" rows="3" maxlength="500"
                    prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
            </div>
        </ConfirmDialog>
    }
}
