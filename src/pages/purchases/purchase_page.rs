//! CSP › Reservations › one purchase: what was bought, for whom and by whom, and what the
//! partner can do with it. Admin agents cancel (refunded) and exchange a reservation, and
//! turn auto-renew on or off, each after a confirmation that states the money involved;
//! Sales and Helpdesk agents see it read-only, with the reason. Savings plans only renew.

use domain::{BenefitId, BenefitItem, BenefitStatus, PurchasedBenefit};
use leptos::prelude::*;

use super::dialogs::{CancelDialog, ExchangeDialog, RenameDialog, RenewDialog};
use super::{may_manage, product_text};
use crate::app_route::AppRoute;
use crate::app_state::{set_title, use_app};
use crate::components::acting_user::ActingUser;
use crate::components::confirm_dialog::focus_by_id;
use crate::components::status_text::{backend_error, Loading};
use crate::i18n::{fill, PurchasesTexts};
use crate::pages::not_found_page::NotFoundPage;
use crate::pages::read_as_user;

/// Which confirmation is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Cancel,
    Exchange,
    Renew,
    Rename,
}

#[component]
pub fn PurchasePage(benefit: BenefitId) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PurchasesTexts>();
    let purchase = read_as_user(app, || (), move |backend, caller| async move {
        Ok(backend.purchased(&caller, None).await?.into_iter().find(|b| b.item.id() == benefit))
    });
    view! {
        <nav class="breadcrumb" aria-label=m.breadcrumb>
            <a href=app.href(&AppRoute::Purchases)>{m.nav_reservations}</a>
            <span aria-hidden="true">" › "</span>
            <span class="breadcrumb-current">{m.details_crumb}</span>
        </nav>
        <Transition fallback=Loading>
            {move || purchase.get().map(|read| match read {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(Some(bought))) => view! { <PurchaseDetails bought=bought/> }.into_any(),
                Some(Ok(None)) => view! { <NotFoundPage detail=m.purchase_not_found.to_string()/> }.into_any(),
                Some(Err(error)) => backend_error(&error),
            })}
        </Transition>
    }
}

#[component]
fn PurchaseDetails(bought: PurchasedBenefit) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PurchasesTexts>();
    let b = bought.item.benefit().clone();
    set_title(app, &b.display_name);
    let fact = |label: &'static str, value: AnyView| view! { <dt>{label}</dt><dd>{value}</dd> };
    let facts = view! {
        <dl class="facts" data-testid="purchase-facts">
            {fact(m.col_customer, view! { <a href=app.href(&AppRoute::CustomerPurchases(b.customer_id))>{bought.customer_name.clone()}</a> }.into_any())}
            {fact(m.col_product, product_text(m, &bought.item).into_any())}
            {fact(m.col_quantity, m.number(bought.item.quantity() as usize).into_any())}
            {fact(m.col_scope, m.scope(b.scope).into_any())}
            {fact(m.col_term, m.term(b.term).into_any())}
            {fact(m.col_billing_frequency, m.billing_plan(b.billing_plan).into_any())}
            {fact(m.col_purchase_date, m.date(b.effective.date()).into_any())}
            {fact(m.col_expiry_date, m.date(b.expiry.date()).into_any())}
            {fact(m.col_auto_renew, (if b.renew { m.on } else { m.off }).into_any())}
            {fact(m.col_status, m.benefit_status(b.status).into_any())}
            {fact(m.col_total_billed_partner, m.money(b.price.total).into_any())}
            {fact(m.col_bought_by, view! { <ActingUser by=bought.placed_by.caller() mark_partner_staff=true/> }.into_any())}
            {fact(m.col_order, view! { <a href=app.href(&AppRoute::Orders(b.customer_id))>{m.view_order}</a> }.into_any())}
            {b.renewed_from.map(|id| fact(m.col_renewal_of, view! { <a href=app.href(&AppRoute::Purchase(id))>{m.previous_term}</a> }.into_any()))}
            {b.renewed_as.map(|id| fact(m.col_renewed_as, view! { <a href=app.href(&AppRoute::Purchase(id)) data-testid="renewed-as">{m.next_term}</a> }.into_any()))}
        </dl>
    };
    view! {
        <h1 class="page-title">{b.display_name.clone()}</h1>
        <p class="hint">{m.kind(&bought.item)}</p>
        {facts}
        <h2 class="section-title">{m.manage_title}</h2>
        <PurchaseActions item=bought.item/>
        <p class="hint">{m.off_keeps_note}</p>
    }
}

/// What the signed-in partner user can do with the purchase, or why not.
#[component]
fn PurchaseActions(item: BenefitItem) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PurchasesTexts>();
    let b = item.benefit().clone();
    if b.status != BenefitStatus::Succeeded {
        return view! { <p class="hint" data-testid="purchase-inactive">{fill(m.not_active_note, &[("status", m.benefit_status(b.status))])}</p> }.into_any();
    }
    let rules = match item {
        BenefitItem::SavingsPlan(_) => Some(view! { <p class="hint">{m.savings_plan_rules}</p> }),
        BenefitItem::Reservation(_) => None,
    };
    if !may_manage() {
        let role = app.user().map(|u| m.role(u.role)).unwrap_or_default();
        return view! {
            {rules}
            <p class="hint" data-testid="read-only-reason">{fill(m.only_admin_manage, &[("role", role)])}</p>
        }
        .into_any();
    }
    let open = RwSignal::new(None::<Open>);
    let close = Callback::new(move |()| {
        let was = open.get_untracked();
        open.set(None);
        let id = match was {
            Some(Open::Cancel) => "purchase-cancel",
            Some(Open::Exchange) => "purchase-exchange",
            Some(Open::Rename) => "purchase-rename",
            _ => "purchase-renew",
        };
        focus_by_id(id);
    });
    let reservation = match &item {
        BenefitItem::Reservation(r) => Some(r.clone()),
        BenefitItem::SavingsPlan(_) => None,
    };
    let returnable = reservation.clone().map(|r| {
        let exchange = r.clone();
        view! {
            <button type="button" id="purchase-cancel" class="button" on:click=move |_| open.set(Some(Open::Cancel))>{m.cancel_reservation}</button>
            <button type="button" id="purchase-exchange" class="button" on:click=move |_| open.set(Some(Open::Exchange))>{m.exchange_reservation}</button>
            {move || match open.get() {
                Some(Open::Cancel) => view! { <CancelDialog reservation=r.clone() approves=None on_close=close/> }.into_any(),
                Some(Open::Exchange) => view! { <ExchangeDialog reservation=exchange.clone() approves=None on_close=close/> }.into_any(),
                _ => ().into_any(),
            }}
        }
    });
    let renew_label = if b.renew { m.turn_renew_off } else { m.turn_renew_on };
    view! {
        {rules}
        <div class="toolbar">
            {returnable}
            <button type="button" id="purchase-renew" class="button" on:click=move |_| open.set(Some(Open::Renew))>{renew_label}</button>
            <button type="button" id="purchase-rename" class="button" on:click=move |_| open.set(Some(Open::Rename))>{m.rename}</button>
        </div>
        {move || match open.get() {
            Some(Open::Renew) => view! { <RenewDialog item=item.clone() approves=None on_close=close/> }.into_any(),
            Some(Open::Rename) => view! { <RenameDialog item=item.clone() on_close=close/> }.into_any(),
            _ => ().into_any(),
        }}
    }
    .into_any()
}
