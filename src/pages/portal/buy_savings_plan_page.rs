//! Azure portal › Savings plans › Purchase savings plan: an hourly commitment for a term,
//! asked as the Azure portal asks, with the price the partner will be billed. Whether the
//! user may buy is the backend's to decide; its refusal is shown in words.

use domain::purchases::catalog::{savings_plan_price, MIN_HOURLY_COMMITMENT};
use domain::purchases::is_valid_alias;
use domain::{AzureSubscriptionView, Customer, SavingsPlan, SavingsPlanRequest, Usd};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::purchase_form::{
    benefit_facts, subscription_and_scope, term_and_billing, BenefitFacts, BuyButton, CheckField, CommonChoices,
    Prefix, PricePreview, PurchaseRefusal, TextField,
};
use super::{PortalBreadcrumb, PortalHeading};
use crate::app_route::AppRoute;
use crate::app_state::{set_title, use_app, NoticeKind, NoticeText};
use crate::components::status_text::{backend_error, ErrorText, Loading};
use crate::i18n::{fill, Catalogue, Lang, PortalTexts};
use crate::pages::read_as_user;

const PREFIX: Prefix = Prefix {
    subscription: "savings-plan-subscription",
    scope: "savings-plan-scope",
    term: "savings-plan-term",
    billing: "savings-plan-billing",
};

#[component]
pub fn BuySavingsPlanPage(company: Customer) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PortalTexts>();
    set_title(app, m.buy_savings_plan_title);
    // Read again after every change kept (a purchase too): the form stays while it is the same.
    let subscriptions = read_as_user(app, || (), |backend, caller| async move { backend.my_azure_subscriptions(&caller).await }).settled();
    view! {
        <PortalBreadcrumb list=AppRoute::MySavingsPlans list_title=m.savings_plans_title current=m.buy_savings_plan_title/>
        <PortalHeading title=m.buy_savings_plan_title company=company.company_name/>
        <p class="hint">{m.buy_savings_plan_intro}</p>
        {move || match subscriptions.get() {
            None => view! { <Loading/> }.into_any(),
            // Nothing to bill to: Azure's own words instead of the form.
            Some(Ok(subscriptions)) if subscriptions.is_empty() => view! { <ErrorText text=m.no_eligible_subscriptions_savings_plan/> }.into_any(),
            Some(Ok(subscriptions)) => view! { <SavingsPlanForm subscriptions=subscriptions/> }.into_any(),
            Some(Err(error)) => backend_error(&error),
        }}
    }
}

/// An hourly commitment in US dollars as typed (in German also with a decimal comma), if it
/// is at least 0.001.
pub fn parse_commitment(text: &str, lang: Lang) -> Option<Usd> {
    let text = text.trim();
    let text = match lang {
        // "1.234,5": points group thousands, the comma separates the decimals.
        Lang::De if text.contains(',') => text.replace('.', "").replacen(',', ".", 1),
        _ => text.to_string(),
    };
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    let points = text.bytes().filter(|b| *b == b'.').count();
    if digits == 0 || points > 1 || digits + points != text.len() {
        return None;
    }
    let dollars: f64 = text.parse().ok()?;
    Usd::from_dollars(dollars).filter(|usd| *usd >= MIN_HOURLY_COMMITMENT)
}

#[component]
fn SavingsPlanForm(subscriptions: Vec<AzureSubscriptionView>) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PortalTexts>();
    let lang = m.lang;
    let Some(first) = subscriptions.first().map(|s| s.azure_subscription_id) else {
        return view! { <ErrorText text=m.no_eligible_subscriptions_savings_plan/> }.into_any();
    };
    let choices = CommonChoices::new(first);
    // Azure names a new plan for the moment it is started; the name is also its alias.
    let stamp = (js_sys::Date::now() as u64).to_string();
    let name = RwSignal::new(fill(m.savings_plan_default_name, &[("stamp", &stamp)]));
    let commitment = RwSignal::new(String::new());
    let renew = RwSignal::new(false);
    // Field problems show once something is typed, or once Buy was pressed.
    let submitted = RwSignal::new(false);
    let parsed_commitment = Memo::new(move |_| commitment.with(|text| parse_commitment(text, lang)));
    let name_problem = Signal::derive(move || name.with(|n| !is_valid_alias(n.trim())).then_some(m.savings_plan_name_invalid));
    let commitment_problem = Signal::derive(move || {
        let shown = submitted.get() || commitment.with(|c| !c.trim().is_empty());
        (shown && parsed_commitment.get().is_none()).then_some(m.commitment_invalid)
    });
    let price = Signal::derive(move || parsed_commitment.get().map(|hourly| savings_plan_price(hourly, choices.term.get())));

    // One purchase per Buy; the outcome is shown here.
    let buy = Action::new_local(move |request: &SavingsPlanRequest| {
        let (backend, caller, request) = (app.backend(), app.caller(), request.clone());
        async move {
            let (backend, caller) = (backend?, caller?);
            let result = backend.buy_savings_plan(&caller, request).await;
            if let Ok(bought) = &result {
                let name = bought.display_name.clone();
                app.notify(NoticeKind::Success, NoticeText::worded(move |lang| fill(PortalTexts::of(lang).savings_plan_bought, &[("name", &name)])));
            }
            result
        }
    });
    let bought = Memo::new(move |_| buy.value().with(|v| v.as_ref().and_then(|r| r.as_ref().ok()).cloned()));
    let refusal = move || (!buy.pending().get()).then(|| buy.value().get().and_then(Result::err)).flatten();

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        if buy.pending().get_untracked() || name_problem.get_untracked().is_some() {
            return;
        }
        let Some(hourly) = parsed_commitment.get_untracked() else { return };
        let name = name.get_untracked().trim().to_string();
        let billing = choices.subscription.get_untracked();
        buy.dispatch_local(SavingsPlanRequest {
            alias: name.clone(),
            display_name: name,
            hourly_commitment: hourly,
            term: choices.term.get_untracked(),
            billing_plan: choices.billing.get_untracked(),
            billing_subscription: billing,
            scope: choices.scope.get_untracked().applied(billing),
            renew: renew.get_untracked(),
        });
    };

    let subscriptions = StoredValue::new(subscriptions);
    // The form stays while nothing is bought (its fields keep their values in the signals
    // above); once bought, the confirmation takes its place.
    let form = move || {
        view! {
            <form class="card purchase-form" on:submit=on_submit novalidate>
                <h2 class="section-title">{m.purchase_details}</h2>
                <div class="form-grid">
                    <TextField id="savings-plan-name" label=m.field_savings_plan_name value=name
                        problem=name_problem hint=m.savings_plan_name_hint/>
                    {subscriptions.with_value(|s| subscription_and_scope(choices, s, PREFIX))}
                    {term_and_billing(choices, PREFIX)}
                    <TextField id="savings-plan-commitment" label=m.field_hourly_commitment value=commitment
                        problem=commitment_problem hint=m.commitment_hint inputmode="decimal"/>
                    <CheckField id="savings-plan-renew" label=m.field_renew checked=renew/>
                </div>
                <PricePreview price=price/>
                {move || refusal().map(|error| view! { <PurchaseRefusal error=error/> })}
                <div class="form-actions">
                    <BuyButton id="buy-savings-plan" pending=buy.pending()/>
                </div>
            </form>
        }
    };
    view! {
        {move || match bought.get() {
            Some(plan) => view! { <SavingsPlanConfirmation plan=plan/> }.into_any(),
            None => form().into_any(),
        }}
    }
    .into_any()
}

/// The savings plan just bought, and the way to the list.
#[component]
fn SavingsPlanConfirmation(plan: SavingsPlan) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PortalTexts>();
    let facts = BenefitFacts::from(&plan);
    let p = plan;
    view! {
        <section class="card purchase-confirmation" data-testid="purchase-confirmation" aria-labelledby="confirmation-title">
            <h2 id="confirmation-title" class="section-title">{m.purchase_complete}</h2>
            <dl class="facts">
                <dt>{m.col_name}</dt>
                <dd>{p.benefit.display_name}</dd>
                <dt>{m.savings_plan_order_id}</dt>
                <dd class="mono">{p.id.to_string()}</dd>
                <dt>{m.col_hourly_commitment}</dt>
                <dd>{m.hourly_money(p.hourly_commitment)}</dd>
                {benefit_facts(m, facts)}
            </dl>
            <p><a class="button" href=app.href(&AppRoute::MySavingsPlans)>{m.go_to_savings_plans}</a></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_azure_aliases() {
        assert!(is_valid_alias("SavingsPlan_1700000000000"));
        assert!(is_valid_alias("litware-compute.2026"));
        assert!(is_valid_alias(&"a".repeat(64)));
        for bad in ["", "with space", "ümlaut", "a/b", &"a".repeat(65)] {
            assert!(!is_valid_alias(bad), "{bad}");
        }
    }

    #[test]
    fn commitments_are_read_as_the_language_writes_them() {
        assert_eq!(parse_commitment("2.5", Lang::En), Some(Usd::from_cents(250)));
        assert_eq!(parse_commitment(" 0.001 ", Lang::En), Some(MIN_HOURLY_COMMITMENT));
        assert_eq!(parse_commitment("2,5", Lang::De), Some(Usd::from_cents(250)));
        assert_eq!(parse_commitment("1.234,5", Lang::De), Some(Usd::from_cents(123_450)));
        assert_eq!(parse_commitment("2.5", Lang::De), Some(Usd::from_cents(250)));
        for bad in ["", "0", "0.0009", "2,5", "-1", "1e3", "inf", "NaN", "1.2.3", "abc"] {
            assert_eq!(parse_commitment(bad, Lang::En), None, "{bad}");
        }
        assert_eq!(parse_commitment("2,5,0", Lang::De), None);
    }
}
