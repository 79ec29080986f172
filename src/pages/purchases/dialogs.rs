//! The confirmations of what an Admin agent does with a purchase, each stating the money
//! involved before anything changes: cancel (the refund, and the customer's refund limit),
//! exchange (what is returned, what is bought, what is payable on top) and renew. Opened
//! from a purchase's page, or from the Requests page to approve what a customer asked
//! (`approves`): then the change names the request, and doing it approves it.

use domain::{
    BenefitItem, ExchangeQuote, RefundQuote, RequestId, Reservation, ReservationOrderId, ReservationRequest, Term, VmSize,
};
use leptos::prelude::*;

use crate::app_state::{use_app, NoticeText};
use crate::backend::random_guid;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::status_text::{backend_error, Loading};
use crate::i18n::{fill, Catalogue, PurchasesTexts};
use crate::pages::{dialog_change, read_as_user};

/// A line of a quote: what, and how much.
fn money_line(label: &'static str, amount: String) -> impl IntoView {
    view! { <dt>{label}</dt><dd class="nowrap">{amount}</dd> }
}

/// The note shown when the change approves a customer's request.
fn approving_note(m: &'static PurchasesTexts, approves: Option<RequestId>) -> impl IntoView {
    approves.map(|_| view! { <p class="hint">{m.approving_request}</p> })
}

/// A whole number from 1 to `max` typed in a field (`None` for anything else).
fn parse_quantity(text: &str, max: u32) -> Option<u32> {
    text.trim().parse::<u32>().ok().filter(|n| (1..=max).contains(n))
}

#[component]
pub fn CancelDialog(
    /// The reservation to cancel (return), all of it or some of its instances.
    reservation: Reservation,
    /// The customer's request this does, if any.
    approves: Option<RequestId>,
    on_close: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PurchasesTexts>();
    let (order, max, name) = (reservation.id, reservation.quantity, reservation.display_name.clone());
    let typed = RwSignal::new(max.to_string());
    let quantity = Memo::new(move |_| parse_quantity(&typed.get(), max));
    let quote = read_as_user(app, move || quantity.track(), move |backend, caller| {
        let quantity = quantity.get_untracked();
        async move {
            match quantity {
                Some(quantity) => backend.quote_refund(&caller, order, quantity).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let notice_name = name.clone();
    let cancel = dialog_change(
        on_close,
        move |backend, caller, quantity: u32| async move { backend.cancel_reservation(&caller, order, quantity, approves).await },
        move |_| named_notice(|m| m.reservation_cancelled, notice_name.clone()),
    );
    let within_limit = move || matches!(quote.get(), Some(Some(Ok(Some(q)))) if q.within_limit());
    view! {
        <ConfirmDialog
            title=fill(m.cancel_title, &[("name", &name)])
            confirm_label=m.cancel_reservation
            confirm_disabled=Signal::derive(move || cancel.pending().get() || !within_limit())
            on_confirm=Callback::new(move |()| {
                if let Some(quantity) = quantity.get_untracked() {
                    cancel.dispatch(quantity);
                }
            })
            on_cancel=on_close
        >
            <div class="field">
                <label for="cancel-quantity">{m.instances_to_return}</label>
                <input id="cancel-quantity" type="number" min="1" max=max.to_string() inputmode="numeric"
                    aria-describedby="cancel-quantity-hint"
                    prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
                <p class="hint" id="cancel-quantity-hint">{fill(m.instances_hint, &[("max", &m.number(max as usize))])}</p>
            </div>
            <Transition fallback=Loading>
                {move || quote.get().map(|read| match read {
                    None => view! { <Loading/> }.into_any(),
                    Some(Ok(None)) => view! { <p class="error-text" role="alert">{m.instances_invalid}</p> }.into_any(),
                    Some(Ok(Some(quote))) => view! { <RefundFacts quote=quote/> }.into_any(),
                    Some(Err(error)) => backend_error(&error),
                })}
            </Transition>
            {approving_note(m, approves)}
        </ConfirmDialog>
    }
}

/// The refund, and what is left of the customer's refund limit.
#[component]
fn RefundFacts(quote: RefundQuote) -> impl IntoView {
    let m = use_app().texts::<PurchasesTexts>();
    let beyond = (!quote.within_limit()).then(|| view! { <p class="error-text" role="alert">{m.refund_beyond_limit}</p> });
    view! {
        <dl class="facts quote" data-testid="refund-quote">
            {money_line(m.refund_amount, m.money(quote.refund))}
            {money_line(m.refund_limit, m.money(quote.limit))}
            {money_line(m.refunded_already, m.money(quote.consumed))}
            {money_line(m.refund_left, m.money(quote.remaining()))}
        </dl>
        <p class="hint">{m.refund_explained}</p>
        {beyond}
    }
}

#[component]
pub fn ExchangeDialog(
    /// The reservation to exchange (all of it).
    reservation: Reservation,
    approves: Option<RequestId>,
    on_close: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PurchasesTexts>();
    let (order, returned, name) = (reservation.id, reservation.quantity, reservation.display_name.clone());
    // The new reservation: the same region, scope, billing and billing subscription; a size,
    // term and quantity to choose (a bigger or longer one is worth at least what is returned).
    let size = RwSignal::new(reservation.size);
    let term = RwSignal::new(Term::ThreeYears);
    let typed = RwSignal::new(reservation.quantity.to_string());
    let quantity = Memo::new(move |_| parse_quantity(&typed.get(), domain::purchases::catalog::MAX_RESERVATION_QUANTITY));
    let template = StoredValue::new(reservation.clone());
    let new_id = StoredValue::new(ReservationOrderId::from_uuid(random_guid()));
    let purchase = Memo::new(move |_| {
        let r = template.get_value();
        quantity.get().map(|quantity| ReservationRequest {
            id: new_id.get_value(),
            size: size.get(),
            region: r.region,
            term: term.get(),
            billing_plan: r.billing_plan,
            quantity,
            billing_subscription: r.billing_subscription,
            scope: r.scope,
            renew: r.renew,
            display_name: r.display_name.clone(),
        })
    });
    let quote = read_as_user(app, move || purchase.track(), move |backend, caller| {
        let purchase = purchase.get_untracked();
        async move {
            match purchase {
                Some(purchase) => backend.quote_exchange(&caller, order, returned, purchase).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let notice_name = name.clone();
    let exchange = dialog_change(
        on_close,
        move |backend, caller, purchase: ReservationRequest| async move {
            backend.exchange_reservation(&caller, order, returned, purchase, approves).await
        },
        move |_| named_notice(|m| m.reservation_exchanged, notice_name.clone()),
    );
    let allowed = move || matches!(quote.get(), Some(Some(Ok(Some(q)))) if q.is_allowed());
    view! {
        <ConfirmDialog
            title=fill(m.exchange_title, &[("name", &name)])
            confirm_label=m.exchange_reservation
            confirm_disabled=Signal::derive(move || exchange.pending().get() || !allowed())
            on_confirm=Callback::new(move |()| {
                if let Some(purchase) = purchase.get_untracked() {
                    exchange.dispatch(purchase);
                }
            })
            on_cancel=on_close
        >
            <p>{fill(m.exchange_returns, &[("quantity", &m.number(returned as usize))])}</p>
            <div class="field">
                <label for="exchange-size">{m.col_product}</label>
                <select id="exchange-size" on:change=move |ev| {
                    if let Some(chosen) = VmSize::from_sku_name(&event_target_value(&ev)) {
                        size.set(chosen);
                    }
                }>
                    {VmSize::ALL.into_iter().map(|s| view! {
                        <option value=s.sku_name() prop:selected=move || size.get() == s>{s.sku_name()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="exchange-term">{m.col_term}</label>
                <select id="exchange-term" on:change=move |ev| {
                    term.set(if event_target_value(&ev) == "P1Y" { Term::OneYear } else { Term::ThreeYears });
                }>
                    <option value="P1Y" prop:selected=move || term.get() == Term::OneYear>{m.term(Term::OneYear)}</option>
                    <option value="P3Y" prop:selected=move || term.get() == Term::ThreeYears>{m.term(Term::ThreeYears)}</option>
                </select>
            </div>
            <div class="field">
                <label for="exchange-quantity">{m.col_quantity}</label>
                <input id="exchange-quantity" type="number" min="1" max="1000" inputmode="numeric"
                    prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
            </div>
            <Transition fallback=Loading>
                {move || quote.get().map(|read| match read {
                    None => view! { <Loading/> }.into_any(),
                    Some(Ok(None)) => view! { <p class="error-text" role="alert">{m.instances_invalid}</p> }.into_any(),
                    Some(Ok(Some(quote))) => view! { <ExchangeFacts quote=quote/> }.into_any(),
                    Some(Err(error)) => backend_error(&error),
                })}
            </Transition>
            {approving_note(m, approves)}
        </ConfirmDialog>
    }
}

/// What the exchange comes to.
#[component]
fn ExchangeFacts(quote: ExchangeQuote) -> impl IntoView {
    let m = use_app().texts::<PurchasesTexts>();
    let below = (!quote.is_allowed()).then(|| view! { <p class="error-text" role="alert">{m.exchange_below}</p> });
    view! {
        <dl class="facts quote" data-testid="exchange-quote">
            {money_line(m.exchange_returned_value, m.money(quote.returned_value))}
            {money_line(m.exchange_new_total, m.money(quote.purchase_total))}
            {money_line(m.exchange_net_payable, m.money(quote.net_payable()))}
        </dl>
        <p class="hint">{m.exchange_rule}</p>
        {below}
    }
}

#[component]
pub fn RenewDialog(
    /// The purchase whose auto-renew turns the other way.
    item: BenefitItem,
    approves: Option<RequestId>,
    on_close: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PurchasesTexts>();
    let b = item.benefit().clone();
    let (benefit, on, name) = (item.id(), !b.renew, b.display_name.clone());
    let expiry = m.date(b.expiry.date());
    let notice_name = name.clone();
    let renew = dialog_change(
        on_close,
        move |backend, caller, ()| async move { backend.update_benefit(&caller, benefit, on, None, approves).await },
        move |_| named_notice(if on { |m| m.renew_turned_on } else { |m| m.renew_turned_off }, notice_name.clone()),
    );
    let (title, label, text) = if on {
        (m.renew_on_title, m.turn_renew_on, fill(m.renew_on_text, &[("date", &expiry), ("total", &m.money(b.price.total))]))
    } else {
        (m.renew_off_title, m.turn_renew_off, fill(m.renew_off_text, &[("date", &expiry)]))
    };
    view! {
        <ConfirmDialog
            title=fill(title, &[("name", &name)])
            confirm_label=label
            confirm_disabled=Signal::derive(move || renew.pending().get())
            on_confirm=Callback::new(move |()| {
                renew.dispatch(());
            })
            on_cancel=on_close
        >
            <p data-testid="renew-text">{text}</p>
            {approving_note(m, approves)}
        </ConfirmDialog>
    }
}

#[component]
pub fn RenameDialog(
    /// The purchase to rename (its auto-renew stays as it is).
    item: BenefitItem,
    on_close: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PurchasesTexts>();
    let b = item.benefit().clone();
    let (benefit, renew) = (item.id(), b.renew);
    let name = RwSignal::new(b.display_name.clone());
    let rename = dialog_change(
        on_close,
        move |backend, caller, wanted: String| async move {
            backend.update_benefit(&caller, benefit, renew, Some(wanted.trim().to_string()), None).await
        },
        |wanted| named_notice(|m| m.renamed, wanted.trim().to_string()),
    );
    view! {
        <ConfirmDialog
            title=fill(m.rename_title, &[("name", &b.display_name)])
            confirm_label=m.rename
            confirm_disabled=Signal::derive(move || rename.pending().get() || name.with(|n| n.trim().is_empty()))
            on_confirm=Callback::new(move |()| {
                rename.dispatch(name.get_untracked());
            })
            on_cancel=on_close
        >
            <div class="field">
                <label for="rename-name">{m.new_name}</label>
                <input id="rename-name" type="text" maxlength="64" aria-describedby="rename-hint"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                <p class="hint" id="rename-hint">{m.new_name_hint}</p>
            </div>
        </ConfirmDialog>
    }
}

/// The notice of a change to the purchase `name`: `text` of this area's catalogue.
fn named_notice(text: fn(&PurchasesTexts) -> &'static str, name: String) -> NoticeText {
    NoticeText::worded(move |lang| fill(text(PurchasesTexts::of(lang)), &[("name", &name)]))
}
