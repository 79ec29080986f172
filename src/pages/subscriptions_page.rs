//! Customer › Subscriptions: what the partner bought for the customer (read-only), where the
//! seed says to check for an Azure plan.

use domain::{CustomerId, Subscription};
use leptos::prelude::*;

use crate::app_state::use_app;
use crate::backend::BackendError;
use crate::components::customer_header::{CustomerHeader, CustomerTab};
use crate::components::status_text::{EmptyText, Loading, TableHead};
use crate::messages::t;
use crate::pages::customer_load_error;

#[component]
pub fn SubscriptionsPage(id: CustomerId) -> impl IntoView {
    let app = use_app();
    let data = LocalResource::new(move || {
        app.data_version.track();
        let backend = app.backend();
        async move {
            let customer = backend.customer(id).await?;
            let subscriptions = backend.subscriptions(customer.id).await?;
            Ok::<_, BackendError>((customer, subscriptions))
        }
    });
    view! {
        <Transition fallback=Loading>
            {move || data.get().map(|result| match result {
                Ok((customer, subscriptions)) => view! {
                    <CustomerHeader id=customer.id company_name=customer.company_name active=CustomerTab::Subscriptions/>
                    <SubscriptionTable subscriptions=subscriptions/>
                }.into_any(),
                Err(error) => customer_load_error(&error),
            })}
        </Transition>
    }
}

#[component]
fn SubscriptionTable(subscriptions: Vec<Subscription>) -> impl IntoView {
    let m = t();
    if subscriptions.is_empty() {
        return view! {
            <h2 class="section-title">{m.subscriptions_title}</h2>
            <EmptyText text=m.no_subscriptions/>
        }
        .into_any();
    }
    let rows = subscriptions
        .into_iter()
        .map(|s| {
            let azure_ids: Vec<String> = s.azure_subscription_ids.iter().map(|a| a.to_string()).collect();
            let usage = s.offer.is_azure();
            view! {
                <tr class:row-azure=usage>
                    <td>{s.offer.offer_name()}<div class="sub-id mono">{s.offer.offer_id()}</div></td>
                    <td>{s.friendly_name}</td>
                    <td>{m.subscription_status(s.status)}</td>
                    <td>{m.billing_type(s.offer.billing_type())}</td>
                    <td>{s.quantity}</td>
                    <td class="mono">{azure_ids.join(", ")}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 class="section-title">{m.subscriptions_title}</h2>
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
