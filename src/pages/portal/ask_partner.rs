//! A customer user cannot exchange, cancel or renew what their company bought: the partner
//! does (the seed's rule, enforced by the domain and the API). Each purchase shows the three
//! as buttons; each opens a dialog with the refusal as the backend gives it (naming the
//! partner and its e-mail), and the way instead: **Ask my partner**, a request with a note.
//! Below the list, the requests made and what became of them.

use domain::{BenefitId, BenefitItem, Customer, CustomerRequest, DomainError, RequestId, RequestKind, RequestStatus};
use leptos::prelude::*;

use crate::app_state::{use_app, NoticeText};
use crate::backend::{random_guid, BackendError};
use crate::components::confirm_dialog::{focus_by_id, ConfirmDialog};
use crate::components::status_text::{backend_error, EmptyText, Loading, TableHead};
use crate::i18n::{fill, Catalogue, PortalTexts, RequestTexts};
use crate::pages::{dialog_change, read_as_user};

/// The requests a purchase can be the subject of: a reservation's three, a savings plan's
/// renewal only (Azure's rule).
fn kinds_for(item: &BenefitItem) -> Vec<RequestKind> {
    let renew = RequestKind::Renew { on: !item.benefit().renew };
    match item {
        BenefitItem::Reservation(_) => vec![RequestKind::Exchange, RequestKind::Cancel, renew],
        BenefitItem::SavingsPlan(_) => vec![renew],
    }
}

fn kind_value(kind: RequestKind) -> &'static str {
    match kind {
        RequestKind::Exchange => "exchange",
        RequestKind::Cancel => "cancel",
        RequestKind::Renew { on: true } => "renew-on",
        RequestKind::Renew { on: false } => "renew-off",
    }
}

fn button_id(benefit: BenefitId, kind: RequestKind) -> String {
    let id = match benefit {
        BenefitId::Reservation(id) => id.to_string(),
        BenefitId::SavingsPlan(id) => id.to_string(),
    };
    format!("{}-{id}", kind_value(kind))
}

/// A purchase's Exchange, Cancel and Renew buttons (only Renew for a savings plan), each
/// opening the dialog that says who does it, and asks them.
#[component]
pub fn ManageButtons(item: BenefitItem, company: Customer) -> impl IntoView {
    let m = use_app().texts::<PortalTexts>();
    let open = RwSignal::new(None::<RequestKind>);
    let benefit = item.id();
    let close = Callback::new(move |()| {
        if let Some(kind) = open.get_untracked() {
            focus_by_id(&button_id(benefit, kind));
        }
        open.set(None);
    });
    let active = item.benefit().status == domain::BenefitStatus::Succeeded;
    let buttons = kinds_for(&item)
        .into_iter()
        .map(|kind| {
            let label = match kind {
                RequestKind::Exchange => m.manage_exchange,
                RequestKind::Cancel => m.manage_cancel,
                RequestKind::Renew { on: true } => m.manage_renew_on,
                RequestKind::Renew { on: false } => m.manage_renew_off,
            };
            view! {
                <button type="button" class="button button-small" id=button_id(benefit, kind)
                    on:click=move |_| open.set(Some(kind))>{label}</button>
            }
        })
        .collect_view();
    view! {
        {active.then(|| view! { <div class="button-row">{buttons}</div> })}
        {move || open.get().map(|kind| view! {
            <AskPartnerDialog item=item.clone() kind=kind company=company.clone() on_close=close/>
        })}
    }
}

/// Why the customer user cannot do it themselves (the backend's refusal: the partner, named
/// with its e-mail), and the request to the partner instead.
#[component]
fn AskPartnerDialog(item: BenefitItem, kind: RequestKind, company: Customer, on_close: Callback<()>) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PortalTexts>();
    let b = item.benefit().clone();
    let benefit = item.id();
    // Asking the backend whether this user may manage the purchase: for a customer user the
    // answer is the refusal that names their partner (a reservation's refund quote; a savings
    // plan's settings as they are, which changes nothing).
    let (renew, check_item) = (b.renew, item.clone());
    let refusal = read_as_user(app, || (), move |backend, caller| {
        let item = check_item.clone();
        async move {
            let tried = match item {
                BenefitItem::Reservation(r) => backend.quote_refund(&caller, r.id, 1).await.map(|_| ()),
                BenefitItem::SavingsPlan(p) => backend.update_benefit(&caller, BenefitId::SavingsPlan(p.id), renew, None, None).await,
            };
            Ok(tried.err())
        }
    });
    let chosen = RwSignal::new(kind);
    let note = RwSignal::new(String::new());
    let customer = company.id;
    let ask = dialog_change(
        on_close,
        move |backend, caller, (kind, note): (RequestKind, String)| async move {
            backend.ask_partner(&caller, customer, RequestId::from_uuid(random_guid()), benefit, kind, note).await
        },
        move |_| {
            let partner = untrack(|| refusal.get()).flatten().and_then(|r| r.ok()).flatten().and_then(|e| partner_of(&e));
            let partner = partner.unwrap_or_default();
            NoticeText::worded(move |lang| fill(PortalTexts::of(lang).request_sent, &[("partner", &partner)]))
        },
    );
    let action = match kind {
        RequestKind::Exchange => m.manage_exchange,
        RequestKind::Cancel => m.manage_cancel,
        RequestKind::Renew { on: true } => m.manage_renew_on,
        RequestKind::Renew { on: false } => m.manage_renew_off,
    };
    let options = kinds_for(&item);
    let rt = app.texts::<RequestTexts>();
    view! {
        <ConfirmDialog
            title=fill(m.ask_title, &[("action", action), ("name", &b.display_name)])
            confirm_label=m.ask_partner
            confirm_disabled=Signal::derive(move || ask.pending().get())
            on_confirm=Callback::new(move |()| {
                ask.dispatch((chosen.get_untracked(), note.get_untracked()));
            })
            on_cancel=on_close
        >
            <Transition fallback=Loading>
                {move || refusal.get().map(|read| match read {
                    Some(Ok(Some(refused))) => view! {
                        <p class="message message-warning" data-testid="manage-refused">{m.error(&refused)}</p>
                    }.into_any(),
                    // Nothing refused (it cannot be, for a customer user): the request is still the way.
                    Some(Ok(None)) | None => ().into_any(),
                    Some(Err(error)) => backend_error(&error),
                })}
            </Transition>
            <div class="field">
                <label for="ask-kind">{m.ask_what}</label>
                <select id="ask-kind" on:change=move |ev| {
                    let value = event_target_value(&ev);
                    if let Some(kind) = options.iter().copied().find(|k| kind_value(*k) == value) {
                        chosen.set(kind);
                    }
                }>
                    {kinds_for(&item).into_iter().map(|k| view! {
                        <option value=kind_value(k) prop:selected=move || chosen.get() == k>{rt.request_kind(k)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="ask-note">{m.ask_note}</label>
                <textarea id="ask-note" rows="3" maxlength="500"
                    prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </div>
        </ConfirmDialog>
    }
}

/// The partner a refusal names.
fn partner_of(error: &BackendError) -> Option<String> {
    match error {
        BackendError::Refused(DomainError::AskYourPartner { partner_name, .. }) => Some(partner_name.clone()),
        _ => None,
    }
}

/// The company's requests about its reservations (`reservations: true`) or its savings
/// plans, newest first, with what the partner decided.
#[component]
pub fn MyRequests(reservations: bool) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PortalTexts>();
    let requests = read_as_user(app, || (), move |backend, caller| async move {
        let all = backend.requests(&caller, None).await?;
        Ok(all
            .into_iter()
            .filter(|r| matches!(r.benefit, BenefitId::Reservation(_)) == reservations)
            .collect::<Vec<CustomerRequest>>())
    });
    view! {
        <h2 class="section-title">{m.my_requests_title}</h2>
        <Transition fallback=Loading>
            {move || requests.get().map(|read| match read {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <EmptyText text=m.no_my_requests/> }.into_any(),
                Some(Ok(list)) => view! { <RequestList requests=list/> }.into_any(),
                Some(Err(error)) => backend_error(&error),
            })}
        </Transition>
    }
}

#[component]
fn RequestList(requests: Vec<CustomerRequest>) -> impl IntoView {
    let m = use_app().texts::<PortalTexts>();
    let rt = use_app().texts::<RequestTexts>();
    let rows = requests
        .into_iter()
        .map(|r| {
            let status = match &r.status {
                RequestStatus::Pending => view! { {rt.request_pending} }.into_any(),
                RequestStatus::Approved { at, .. } => view! {
                    {rt.request_approved}<div class="secondary">{m.date(at.date())}</div>
                }.into_any(),
                RequestStatus::Declined { at, reason, .. } => view! {
                    {rt.request_declined}<div class="secondary">{m.date(at.date())}</div>
                    <div>{fill(rt.declined_because, &[("reason", reason)])}</div>
                }.into_any(),
            };
            view! {
                <tr data-testid="my-request">
                    <td class="nowrap">{m.date_time(r.at)}</td>
                    <td>{r.benefit_name.clone()}</td>
                    <td>{rt.request_kind(r.kind)}</td>
                    <td class="note">{r.note.clone()}</td>
                    <td>{status}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=m.my_requests_title>
            <table class="table portal-table" data-testid="my-requests">
                <TableHead columns=vec![m.portal_col_asked_on, m.col_name, m.portal_col_request, m.portal_col_note, m.col_status]/>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
