//! What the two purchase forms share: labelled fields bound to signals, the choices both
//! ask (billing subscription, scope, term, billing frequency), the price preview, the Buy
//! button and a refusal in words.

use domain::{
    AppliedScope, AzureSubscriptionId, AzureSubscriptionView, BenefitStatus, BillingPlan, Price, Reservation, SavingsPlan, Term, Usd,
};
use time::OffsetDateTime;
use leptos::prelude::*;

use super::{on_off, scope_cell, subscription_text};
use crate::app_state::use_app;
use crate::backend::BackendError;
use crate::components::status_text::backend_error;
use crate::i18n::{PortalTexts};

/// A select bound to `selected`: each option is a value, its key in the form and its text.
/// Only the mapping between values and positions is generic; the select itself is one
/// function for every kind of choice (`select_field`), so the Wasm holds it once.
#[component]
pub fn ChoiceField<T>(
    id: &'static str,
    label: &'static str,
    options: Vec<(T, String, String)>,
    selected: RwSignal<T>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let values = StoredValue::new(options.iter().map(|(value, _, _)| *value).collect::<Vec<_>>());
    let position = Signal::derive(move || {
        let value = selected.get();
        values.with_value(|values| values.iter().position(|v| *v == value))
    });
    let choose = Callback::new(move |i: usize| {
        if let Some(value) = values.with_value(|values| values.get(i).copied()) {
            selected.set(value);
        }
    });
    let options = options.into_iter().map(|(_, key, text)| (key, text)).collect();
    select_field(id, label, options, position, choose, hint)
}

/// A labelled select of `options` (key, text): `position` is the one shown, `choose` is
/// told the position picked.
fn select_field(
    id: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    position: Signal<Option<usize>>,
    choose: Callback<usize>,
    hint: Option<&'static str>,
) -> AnyView {
    let keys = StoredValue::new(options.iter().map(|(key, _)| key.clone()).collect::<Vec<_>>());
    let current = move || position.get().and_then(|i| keys.with_value(|keys| keys.get(i).cloned())).unwrap_or_default();
    let pick = move |key: String| {
        if let Some(i) = keys.with_value(|keys| keys.iter().position(|k| *k == key)) {
            choose.run(i);
        }
    };
    let initial = position.get_untracked();
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id prop:value=current on:change=move |ev| pick(event_target_value(&ev))
                aria-describedby=hint.map(|_| hint_id.clone())>
                {options.into_iter().enumerate().map(|(i, (key, text))| view! {
                    <option value=key selected=initial == Some(i)>{text}</option>
                }).collect_view()}
            </select>
            {hint.map(|hint| view! { <p class="field-hint" id=hint_id>{hint}</p> })}
        </div>
    }
    .into_any()
}

/// A text input bound to `value`, with a hint and, when `problem` says so, what is wrong.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    /// What is wrong with the value, if anything (shown under the field).
    #[prop(into, optional)]
    problem: Signal<Option<&'static str>>,
    #[prop(optional)] hint: Option<&'static str>,
    /// The keyboard a phone shows (`numeric`, `decimal`).
    #[prop(optional)]
    inputmode: Option<&'static str>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let problem_id = format!("{id}-problem");
    let described_by = {
        let (hint_id, problem_id) = (hint_id.clone(), problem_id.clone());
        move || {
            let ids: Vec<&str> = [hint.map(|_| hint_id.as_str()), problem.get().map(|_| problem_id.as_str())].into_iter().flatten().collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="text" inputmode=inputmode autocomplete="off"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || problem.get().map(|_| "true")
                aria-describedby=described_by
            />
            {hint.map(|hint| view! { <p class="field-hint" id=hint_id>{hint}</p> })}
            {move || problem.get().map(|text| view! { <p class="field-problem" id=problem_id.clone()>{text}</p> })}
        </div>
    }
}

/// A checkbox bound to `checked`.
#[component]
pub fn CheckField(id: &'static str, label: &'static str, checked: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="field check-field">
            <input id=id type="checkbox" prop:checked=move || checked.get()
                on:change=move |ev| checked.set(event_target_checked(&ev))/>
            <label for=id>{label}</label>
        </div>
    }
}

/// Where the discount applies, as the form asks it: every subscription, or the billing one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeChoice {
    Shared,
    Single,
}

impl ScopeChoice {
    /// The scope of a purchase billed to `billing`.
    pub fn applied(self, billing: AzureSubscriptionId) -> AppliedScope {
        match self {
            Self::Shared => AppliedScope::Shared,
            Self::Single => AppliedScope::Single(billing),
        }
    }
}

/// The choices both forms ask, with the ids of their fields.
#[derive(Clone, Copy)]
pub struct CommonChoices {
    pub subscription: RwSignal<AzureSubscriptionId>,
    pub scope: RwSignal<ScopeChoice>,
    pub term: RwSignal<Term>,
    pub billing: RwSignal<BillingPlan>,
}

impl CommonChoices {
    /// The first subscription, shared, one year, billed upfront (as the portal starts).
    pub fn new(first: AzureSubscriptionId) -> Self {
        Self {
            subscription: RwSignal::new(first),
            scope: RwSignal::new(ScopeChoice::Shared),
            term: RwSignal::new(Term::OneYear),
            billing: RwSignal::new(BillingPlan::Upfront),
        }
    }
}

/// The billing subscription and scope fields; `prefix` starts their ids
/// (`{prefix}-subscription`, `{prefix}-scope`).
pub fn subscription_and_scope(choices: CommonChoices, subscriptions: &[AzureSubscriptionView], prefix: Prefix) -> impl IntoView {
    let m = use_app().texts::<PortalTexts>();
    let subscription_options = subscriptions
        .iter()
        .map(|s| (s.azure_subscription_id, s.azure_subscription_id.to_string(), subscription_text(m, s)))
        .collect();
    let scope_options = vec![
        (ScopeChoice::Shared, "shared".to_string(), m.scope_shared.to_string()),
        (ScopeChoice::Single, "single".to_string(), m.scope_single.to_string()),
    ];
    view! {
        <ChoiceField id=prefix.subscription label=m.field_billing_subscription options=subscription_options selected=choices.subscription/>
        <ChoiceField id=prefix.scope label=m.field_scope options=scope_options selected=choices.scope hint=m.scope_hint/>
    }
}

/// The term and billing frequency fields.
pub fn term_and_billing(choices: CommonChoices, prefix: Prefix) -> impl IntoView {
    let m = use_app().texts::<PortalTexts>();
    let terms = Term::ALL.into_iter().map(|t| (t, t.iso().to_string(), m.term(t).to_string())).collect();
    let plans = BillingPlan::ALL.into_iter().map(|b| (b, b.azure_name().to_string(), m.billing_plan(b).to_string())).collect();
    view! {
        <ChoiceField id=prefix.term label=m.field_term options=terms selected=choices.term/>
        <ChoiceField id=prefix.billing label=m.field_billing_frequency options=plans selected=choices.billing/>
    }
}

/// The ids of a form's common fields.
#[derive(Clone, Copy)]
pub struct Prefix {
    pub subscription: &'static str,
    pub scope: &'static str,
    pub term: &'static str,
    pub billing: &'static str,
}

/// What the partner will be billed, updated as the fields change; `None` while a field is
/// not valid.
#[component]
pub fn PricePreview(#[prop(into)] price: Signal<Option<Price>>) -> impl IntoView {
    let m = use_app().texts::<PortalTexts>();
    view! {
        <section class="price-preview" data-testid="price-preview" aria-labelledby="price-title" aria-live="polite">
            <h2 id="price-title" class="section-title">{m.price_title}</h2>
            {move || match price.get() {
                Some(price) => view! {
                    <dl class="facts">
                        <dt>{m.price_per_month}</dt>
                        <dd>{m.money(price.per_month)}</dd>
                        <dt>{m.price_total}</dt>
                        <dd class="price-total">{m.money(price.total)}</dd>
                    </dl>
                }.into_any(),
                None => view! { <p class="hint">{m.price_unknown}</p> }.into_any(),
            }}
            <p class="hint price-note">{m.price_billed_to_partner}</p>
        </section>
    }
}

/// The form's submit button: Buy, or Buying… while the purchase is under way.
#[component]
pub fn BuyButton(id: &'static str, #[prop(into)] pending: Signal<bool>) -> impl IntoView {
    let m = use_app().texts::<PortalTexts>();
    view! {
        <button type="submit" id=id class="button button-primary" disabled=move || pending.get()>
            {move || if pending.get() { m.buying } else { m.buy }}
        </button>
    }
}

/// The backend's refusal of a purchase, in words (nothing was bought).
#[component]
pub fn PurchaseRefusal(error: BackendError) -> impl IntoView {
    let m = use_app().texts::<PortalTexts>();
    view! {
        <div class="purchase-refusal" data-testid="purchase-refusal">
            <p class="purchase-refusal-title">{m.purchase_refused}</p>
            {backend_error(&error)}
        </div>
    }
}

/// What a reservation and a savings plan both say once bought: where the discount applies,
/// its state, term and billing, its dates, renewal, and the total billed to the partner.
pub struct BenefitFacts {
    pub scope: AppliedScope,
    pub status: BenefitStatus,
    pub term: Term,
    pub billing_plan: BillingPlan,
    pub effective: OffsetDateTime,
    pub expiry: OffsetDateTime,
    pub renew: bool,
    pub total: Usd,
}

impl From<&Reservation> for BenefitFacts {
    fn from(r: &Reservation) -> Self {
        Self {
            scope: r.scope,
            status: r.status,
            term: r.term,
            billing_plan: r.billing_plan,
            effective: r.effective,
            expiry: r.expiry,
            renew: r.renew,
            total: r.price.total,
        }
    }
}

impl From<&SavingsPlan> for BenefitFacts {
    fn from(p: &SavingsPlan) -> Self {
        Self {
            scope: p.scope,
            status: p.status,
            term: p.term,
            billing_plan: p.billing_plan,
            effective: p.effective,
            expiry: p.expiry,
            renew: p.renew,
            total: p.price.total,
        }
    }
}

/// The rows of a confirmation's facts that [`BenefitFacts`] holds.
pub fn benefit_facts(m: &'static PortalTexts, facts: BenefitFacts) -> impl IntoView {
    view! {
        <dt>{m.col_scope}</dt>
        <dd>{scope_cell(m, facts.scope)}</dd>
        <dt>{m.col_status}</dt>
        <dd>{m.benefit_status(facts.status)}</dd>
        <dt>{m.col_term}</dt>
        <dd>{m.term(facts.term)}", "{m.billing_plan(facts.billing_plan)}</dd>
        <dt>{m.col_effective}</dt>
        <dd>{m.date(facts.effective.date())}</dd>
        <dt>{m.col_expiry}</dt>
        <dd>{m.date(facts.expiry.date())}</dd>
        <dt>{m.col_renew}</dt>
        <dd>{on_off(m, facts.renew)}</dd>
        <dt>{m.col_total_billed}</dt>
        <dd>{m.money(facts.total)}</dd>
    }
}
