//! "Add Azure plan": the partner buys the Azure plan for a customer who has none, after a
//! confirmation that says what it is. Admin and Sales agents buy; a Helpdesk agent sees the
//! button disabled, with the reason (the backends refuse them too).

use domain::Offer;
use leptos::prelude::*;

use crate::app_state::use_app;
use crate::components::confirm_dialog::{focus_by_id, ConfirmDialog};
use crate::i18n::{CustomerTexts, fill};
use crate::pages::customer_actions::use_customer_actions;
use crate::pages::customer_layout::use_customer;

#[component]
pub fn AddAzurePlan(
    /// Distinguishes the element ids of two such buttons on one page.
    id: &'static str,
) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<CustomerTexts>();
    let actions = use_customer_actions();
    let customer = use_customer();
    let may_order = Memo::new(move |_| app.user().is_some_and(|u| u.role.may_create_customers()));
    let confirming = RwSignal::new(false);
    let ordering = actions.order_azure_plan.pending();
    let reason_id = format!("{id}-reason");
    view! {
        <div class="inline-fix">
            <button
                type="button"
                class="button button-primary"
                id=id
                disabled=move || !may_order.get() || ordering.get()
                aria-describedby=move || (!may_order.get()).then(|| reason_id.clone())
                on:click=move |_| confirming.set(true)
            >
                {m.add_azure_plan}
            </button>
            {move || ordering.get().then(|| view! { <span class="saving">{m.ordering}</span> })}
            {move || (!may_order.get()).then(|| app.user()).flatten().map(|user| view! {
                <p class="read-only-reason" id=format!("{id}-reason")>{fill(m.only_admin_sales_order, &[("role", m.role(user.role))])}</p>
            })}
        </div>
        {move || confirming.get().then(|| view! {
            <ConfirmDialog
                title=fill(m.add_azure_plan_title, &[("customer", &customer.company_name)])
                confirm_label=m.place_order
                on_confirm=Callback::new(move |_| {
                    confirming.set(false);
                    focus_by_id(id);
                    actions.order_azure_plan.dispatch_local(());
                })
                on_cancel=Callback::new(move |_| {
                    confirming.set(false);
                    focus_by_id(id);
                })
            >
                <p>{m.add_azure_plan_intro}</p>
                <dl class="facts">
                    <dt>{m.col_offer}</dt><dd>{m.offer_azure_plan}<div class="sub-id mono">{Offer::AzurePlan.offer_id()}</div></dd>
                    <dt>{m.col_billing}</dt><dd>{m.billing_usage}</dd>
                    <dt>{m.col_quantity}</dt><dd>{m.number(1)}</dd>
                </dl>
            </ConfirmDialog>
        })}
    }
}
