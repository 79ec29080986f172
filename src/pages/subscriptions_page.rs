//! Customer › Subscriptions: what the partner bought for the customer, where the seed says
//! to check for an Azure plan; **Add Azure plan** for a customer who has none, and
//! **Manage** on each Azure subscription (its Access control).

use domain::orders::azure_subscription_name;
use domain::Subscription;
use leptos::prelude::*;

use crate::app_route::AppRoute;
use crate::app_state::{set_title, use_app};
use crate::components::add_azure_plan::AddAzurePlan;
use crate::components::status_text::{backend_error, EmptyText, Loading, TableHead};
use crate::i18n::{CustomerTexts, fill};
use crate::pages::customer_layout::use_customer;
use crate::pages::{read_as_user, ReadKinds};

#[component]
pub fn SubscriptionsPage() -> impl IntoView {
    let app = use_app();
    let m = app.texts::<CustomerTexts>();
    let customer = use_customer();
    set_title(app, &fill(m.customer_tab_title, &[("tab", m.subscriptions), ("customer", &customer.company_name)]));
    let id = customer.id;
    provide_context(ReadKinds::SUBSCRIPTIONS);
    let subscriptions = read_as_user(app, || (), move |backend, caller| async move {
        backend.subscriptions(&caller, id).await
    });
    view! {
        <h2 class="section-title">{m.subscriptions}</h2>
        <Transition fallback=Loading>
            {move || subscriptions.get().map(|read| match read {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(subscriptions)) => view! { <SubscriptionTable subscriptions=subscriptions/> }.into_any(),
                Some(Err(error)) => backend_error(&error),
            })}
        </Transition>
    }
}

#[component]
fn SubscriptionTable(subscriptions: Vec<Subscription>) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<CustomerTexts>();
    let has_azure_plan = subscriptions.iter().any(Subscription::is_held_azure_plan);
    let add_plan = (!has_azure_plan).then(|| {
        view! {
            <div class="card add-plan" data-testid="add-azure-plan">
                <p class="hint">{m.no_azure_plan_hint}</p>
                <AddAzurePlan id="add-azure-plan"/>
            </div>
        }
    });
    if subscriptions.is_empty() {
        return view! { {add_plan} <EmptyText text=m.no_subscriptions/> }.into_any();
    }
    let rows = subscriptions
        .into_iter()
        .map(|s| {
            let customer = s.customer_id;
            let azure = s
                .azure_subscription_ids
                .iter()
                .enumerate()
                .map(|(n, azure)| {
                    let name = azure_subscription_name(n);
                    let label = fill(m.manage_azure_subscription, &[("subscription", &name)]);
                    view! {
                        <div class="azure-subscription">
                            <span class="mono">{azure.to_string()}</span>" "
                            <a class="manage-link" href=app.href(&AppRoute::ManageAzureSubscription(customer, *azure)) aria-label=label>
                                {m.manage}
                            </a>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <tr class:row-azure=s.offer.is_azure()>
                    <td>{m.offer_name(s.offer)}<div class="sub-id mono">{s.offer.offer_id()}</div></td>
                    <td>{s.friendly_name}</td>
                    <td>{m.subscription_status(s.status)}</td>
                    <td>{m.billing_type(s.offer.billing_type())}</td>
                    <td>{m.number(s.quantity as usize)}</td>
                    <td>{azure}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {add_plan}
        <p class="hint">{m.subscriptions_intro}</p>
        <div class="table-wrap">
            <table class="table" data-testid="subscriptions-table">
                <TableHead columns=vec![
                    m.col_offer, m.col_friendly_name, m.col_status, m.col_billing, m.col_quantity, m.col_azure_subscriptions,
                ]/>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
