//! Azure portal › Reservations › Purchase reservations: a reserved VM instance, asked as
//! the Azure portal asks, with the price the partner will be billed. Whether the user may
//! buy is the backend's to decide; its refusal is shown in words.

use domain::purchases::catalog::{reservation_price, MAX_RESERVATION_QUANTITY};
use domain::{AzureSubscriptionView, Customer, Region, Reservation, ReservationOrderId, ReservationRequest, VmSize};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::i18n::{fill, Catalogue, PortalTexts};

use super::purchase_form::{
    benefit_facts, subscription_and_scope, term_and_billing, BenefitFacts, BuyButton, CheckField, ChoiceField,
    CommonChoices, Prefix, PricePreview, PurchaseRefusal, TextField,
};
use super::{product_text, PortalBreadcrumb, PortalHeading};
use crate::app_route::AppRoute;
use crate::app_state::{set_title, use_app, NoticeKind, NoticeText};
use crate::backend::random_guid;
use crate::components::status_text::{backend_error, ErrorText, Loading};
use crate::pages::read_as_user;

const PREFIX: Prefix = Prefix {
    subscription: "reservation-subscription",
    scope: "reservation-scope",
    term: "reservation-term",
    billing: "reservation-billing",
};

#[component]
pub fn BuyReservationPage(company: Customer) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PortalTexts>();
    set_title(app, m.buy_reservation_title);
    // Read again after every change kept (a purchase too): the form stays while it is the same.
    let subscriptions = read_as_user(app, || (), |backend, caller| async move { backend.my_azure_subscriptions(&caller).await }).settled();
    view! {
        <PortalBreadcrumb list=AppRoute::MyReservations list_title=m.reservations_title current=m.buy_reservation_title/>
        <PortalHeading title=m.buy_reservation_title company=company.company_name/>
        <p class="hint">{m.buy_reservation_intro}</p>
        {move || match subscriptions.get() {
            None => view! { <Loading/> }.into_any(),
            // Nothing to bill to: Azure's own words instead of the form.
            Some(Ok(subscriptions)) if subscriptions.is_empty() => view! { <ErrorText text=m.error_no_eligible_subscriptions/> }.into_any(),
            Some(Ok(subscriptions)) => view! { <ReservationForm subscriptions=subscriptions/> }.into_any(),
            Some(Err(error)) => backend_error(&error),
        }}
    }
}

/// The quantity as typed, if it is a whole number from 1 to 1,000.
pub fn parse_quantity(text: &str) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|q| (1..=MAX_RESERVATION_QUANTITY).contains(q))
}

#[component]
fn ReservationForm(subscriptions: Vec<AzureSubscriptionView>) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PortalTexts>();
    let Some(first) = subscriptions.first().map(|s| s.azure_subscription_id) else {
        return view! { <ErrorText text=m.error_no_eligible_subscriptions/> }.into_any();
    };
    let choices = CommonChoices::new(first);
    let size = RwSignal::new(VmSize::StandardD2sV5);
    let region = RwSignal::new(Region::EastUs);
    let quantity = RwSignal::new("1".to_string());
    let renew = RwSignal::new(true);
    let name = RwSignal::new(String::new());
    let parsed_quantity = Memo::new(move |_| quantity.with(|q| parse_quantity(q)));
    let quantity_problem = Signal::derive(move || parsed_quantity.get().is_none().then_some(m.quantity_invalid));
    let price = Signal::derive(move || {
        parsed_quantity.get().map(|q| reservation_price(size.get(), region.get(), choices.term.get(), q))
    });

    // One purchase per Buy, under a new reservation order id; the outcome is shown here.
    let buy = Action::new_local(move |request: &ReservationRequest| {
        let (backend, caller, request) = (app.backend(), app.caller(), request.clone());
        async move {
            let (backend, caller) = (backend?, caller?);
            let result = backend.buy_reservation(&caller, request).await;
            if let Ok(bought) = &result {
                let name = bought.display_name.clone();
                app.notify(NoticeKind::Success, NoticeText::worded(move |lang| fill(PortalTexts::of(lang).reservation_bought, &[("name", &name)])));
            }
            result
        }
    });
    let bought = Memo::new(move |_| buy.value().with(|v| v.as_ref().and_then(|r| r.as_ref().ok()).cloned()));
    let refusal = move || (!buy.pending().get()).then(|| buy.value().get().and_then(Result::err)).flatten();

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if buy.pending().get_untracked() {
            return;
        }
        let Some(quantity) = parsed_quantity.get_untracked() else { return };
        buy.dispatch_local(ReservationRequest {
            id: ReservationOrderId::from_uuid(random_guid()),
            size: size.get_untracked(),
            region: region.get_untracked(),
            term: choices.term.get_untracked(),
            billing_plan: choices.billing.get_untracked(),
            quantity,
            billing_subscription: choices.subscription.get_untracked(),
            scope: choices.scope.get_untracked().applied(choices.subscription.get_untracked()),
            renew: renew.get_untracked(),
            display_name: name.get_untracked(),
        });
    };

    let subscriptions = StoredValue::new(subscriptions);
    // The form stays while nothing is bought (its fields keep their values in the signals
    // above); once bought, the confirmation takes its place.
    let form = move || {
        let products = VmSize::ALL.into_iter().map(|s| (s, s.sku_name().to_string(), product_text(m, s))).collect();
        let regions = Region::ALL.into_iter().map(|r| (r, r.location().to_string(), m.region(r).to_string())).collect();
        view! {
            <form class="card purchase-form" on:submit=on_submit novalidate>
                <h2 class="section-title">{m.purchase_details}</h2>
                <div class="form-grid">
                    {subscriptions.with_value(|s| subscription_and_scope(choices, s, PREFIX))}
                    <ChoiceField id="reservation-region" label=m.field_region options=regions selected=region/>
                    <ChoiceField id="reservation-product" label=m.field_product options=products selected=size/>
                    {term_and_billing(choices, PREFIX)}
                    <TextField id="reservation-quantity" label=m.field_quantity value=quantity
                        problem=quantity_problem hint=m.quantity_hint inputmode="numeric"/>
                    <TextField id="reservation-name" label=m.field_reservation_name value=name
                        hint=m.reservation_name_hint/>
                    <CheckField id="reservation-renew" label=m.field_renew checked=renew/>
                </div>
                <PricePreview price=price/>
                {move || refusal().map(|error| view! { <PurchaseRefusal error=error/> })}
                <div class="form-actions">
                    <BuyButton id="buy-reservation" pending=buy.pending()/>
                </div>
            </form>
        }
    };
    view! {
        {move || match bought.get() {
            Some(reservation) => view! { <ReservationConfirmation reservation=reservation/> }.into_any(),
            None => form().into_any(),
        }}
    }
    .into_any()
}

/// The reservation just bought, and the way to the list.
#[component]
fn ReservationConfirmation(reservation: Reservation) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PortalTexts>();
    let facts = BenefitFacts::from(&reservation);
    let r = reservation;
    view! {
        <section class="card purchase-confirmation" data-testid="purchase-confirmation" aria-labelledby="confirmation-title">
            <h2 id="confirmation-title" class="section-title">{m.purchase_complete}</h2>
            <dl class="facts">
                <dt>{m.col_name}</dt>
                <dd>{r.benefit.display_name}</dd>
                <dt>{m.reservation_order_id}</dt>
                <dd class="mono">{r.id.to_string()}</dd>
                <dt>{m.col_product}</dt>
                <dd>{product_text(m, r.size)}", "{m.region(r.region)}</dd>
                <dt>{m.col_quantity}</dt>
                <dd>{m.number(r.quantity as usize)}</dd>
                {benefit_facts(m, facts)}
            </dl>
            <p><a class="button" href=app.href(&AppRoute::MyReservations)>{m.go_to_reservations}</a></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::parse_quantity;

    #[test]
    fn a_quantity_is_a_whole_number_from_1_to_1000() {
        assert_eq!(parse_quantity("1"), Some(1));
        assert_eq!(parse_quantity(" 1000 "), Some(1000));
        for bad in ["", "0", "1001", "1.5", "-1", "+3", "1e3", "abc", "99999999999999"] {
            assert_eq!(parse_quantity(bad), None, "{bad}");
        }
    }
}
