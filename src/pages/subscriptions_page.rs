//! Customer › Subscriptions: what the partner bought for the customer (read-only), where the
//! seed says to check for an Azure plan.

use domain::Subscription;
use leptos::prelude::*;

use crate::app_state::use_app;
use crate::backend::BackendError;
use domain::DomainError;
use crate::components::customer_header::{CustomerHeader, CustomerTab};
use crate::messages::{fill, t};
use crate::pages::customer_id_param;
use crate::pages::not_found_page::NotFoundPage;

#[component]
pub fn SubscriptionsPage() -> impl IntoView {
    let app = use_app();
    let m = t();
    let id = customer_id_param();
    let data = LocalResource::new(move || {
        let id = id.get();
        app.data_version.track();
        let backend = app.backend();
        async move {
            let id = id?;
            let customer = backend.customer(id).await?;
            let subscriptions = backend.subscriptions(id).await?;
            Ok::<_, BackendError>((customer.company_name, subscriptions))
        }
    });
    view! {
        <Transition fallback=move || view! { <p class="loading">{m.loading}</p> }>
            {move || data.get().map(|result| match result {
                Ok((name, subscriptions)) => {
                    let id = id.get_untracked().ok();
                    id.map(|id| view! {
                        <CustomerHeader id=id company_name=name active=CustomerTab::Subscriptions/>
                        <SubscriptionTable subscriptions=subscriptions/>
                    }.into_any()).unwrap_or_else(|| ().into_any())
                }
                Err(BackendError::Domain(e @ (DomainError::UnknownCustomer(_) | DomainError::InvalidCustomerId(_)))) => {
                    let shown = params_text(&e);
                    view! { <NotFoundPage detail=fill(m.customer_not_found, &[&shown])/> }.into_any()
                }
                Err(error) => view! { <p class="error-text" role="alert">{m.error(&error)}</p> }.into_any(),
            })}
        </Transition>
    }
}

/// The id as the user typed it, for the "not found" text.
pub(crate) fn params_text(error: &domain::DomainError) -> String {
    match error {
        domain::DomainError::InvalidCustomerId(text) => text.clone(),
        domain::DomainError::UnknownCustomer(id) => id.to_string(),
        other => other.to_string(),
    }
}

#[component]
fn SubscriptionTable(subscriptions: Vec<Subscription>) -> impl IntoView {
    let m = t();
    if subscriptions.is_empty() {
        return view! {
            <h2 class="section-title">{m.subscriptions_title}</h2>
            <p class="empty">{m.no_subscriptions}</p>
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
                <thead>
                    <tr>
                        <th scope="col">{m.col_offer}</th>
                        <th scope="col">{m.col_friendly_name}</th>
                        <th scope="col">{m.col_status}</th>
                        <th scope="col">{m.col_billing}</th>
                        <th scope="col">{m.col_quantity}</th>
                        <th scope="col">{m.col_azure_subscriptions}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
