//! Customer › Subscriptions: what the partner bought for the customer (read-only), where the
//! seed says to check for an Azure plan.

use domain::Subscription;
use leptos::prelude::*;

use crate::app_state::{set_title, use_app};
use crate::components::status_text::{backend_error, EmptyText, Loading, TableHead};
use crate::i18n::fill;
use crate::pages::customer_layout::use_customer;
use crate::pages::read_as_user;

#[component]
pub fn SubscriptionsPage() -> impl IntoView {
    let app = use_app();
    let m = app.t();
    let customer = use_customer();
    set_title(app, &fill(m.customer_tab_title, &[("tab", m.subscriptions), ("customer", &customer.company_name)]));
    let id = customer.id;
    let subscriptions = read_as_user(app, || (), move |backend, caller| async move { backend.subscriptions(&caller, id).await });
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
    let m = use_app().t();
    if subscriptions.is_empty() {
        return view! { <EmptyText text=m.no_subscriptions/> }.into_any();
    }
    let rows = subscriptions
        .into_iter()
        .map(|s| {
            let azure_ids: Vec<String> = s.azure_subscription_ids.iter().map(|a| a.to_string()).collect();
            view! {
                <tr class:row-azure=s.offer.is_azure()>
                    <td>{m.offer_name(s.offer)}<div class="sub-id mono">{s.offer.offer_id()}</div></td>
                    <td>{s.friendly_name}</td>
                    <td>{m.subscription_status(s.status)}</td>
                    <td>{m.billing_type(s.offer.billing_type())}</td>
                    <td>{m.number(s.quantity as usize)}</td>
                    <td class="mono">{azure_ids.join(", ")}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="hint">{m.subscriptions_intro}</p>
        <div class="table-wrap">
            <table class="table">
                <TableHead columns=vec![
                    m.col_offer, m.col_friendly_name, m.col_status, m.col_billing, m.col_quantity, m.col_azure_subscriptions,
                ]/>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
