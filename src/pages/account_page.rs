//! Customer › Account: the company profile, and at the bottom, Customer permissions.

use domain::{Customer, CustomerId};
use leptos::prelude::*;

use crate::app_state::use_app;
use crate::components::customer_header::{CustomerHeader, CustomerTab};
use crate::components::customer_permissions::CustomerPermissions;
use crate::components::status_text::Loading;
use crate::messages::t;
use crate::pages::customer_load_error;

#[component]
pub fn AccountPage(id: CustomerId) -> impl IntoView {
    let app = use_app();
    // The profile does not change when permissions do, so it is read once.
    let customer = LocalResource::new(move || {
        let backend = app.backend();
        async move { backend.customer(id).await }
    });
    view! {
        <Transition fallback=Loading>
            {move || customer.get().map(|result| match result {
                Ok(customer) => view! {
                    <CustomerHeader id=customer.id company_name=customer.company_name.clone() active=CustomerTab::Account/>
                    <AccountInfo customer=customer.clone()/>
                    <CustomerPermissions id=customer.id company_name=customer.company_name/>
                }.into_any(),
                Err(error) => customer_load_error(&error),
            })}
        </Transition>
    }
}

#[component]
fn AccountInfo(customer: Customer) -> impl IntoView {
    let m = t();
    let billing = customer.billing;
    let address = format!(
        "{}, {} {}, {}",
        billing.address.line1, billing.address.postal_code, billing.address.city, billing.address.country
    );
    let relationship = if customer.relationship == "reseller" {
        m.relationship_reseller.to_string()
    } else {
        customer.relationship.clone()
    };
    view! {
        <section class="card" aria-labelledby="account-info-title">
            <h2 id="account-info-title" class="section-title">{m.account_info}</h2>
            <dl class="facts">
                <dt>{m.company_name}</dt><dd>{customer.company_name}</dd>
                <dt>{m.microsoft_id}</dt><dd class="mono" data-testid="microsoft-id">{customer.id.to_string()}</dd>
                <dt>{m.primary_domain}</dt><dd>{customer.domain}</dd>
                <dt>{m.relationship}</dt><dd>{relationship}</dd>
            </dl>
        </section>
        <section class="card" aria-labelledby="billing-title">
            <h2 id="billing-title" class="section-title">{m.billing_details}</h2>
            <dl class="facts">
                <dt>{m.contact}</dt><dd>{format!("{} {}", billing.first_name, billing.last_name)}</dd>
                <dt>{m.email}</dt><dd>{billing.email}</dd>
                <dt>{m.phone}</dt><dd>{billing.phone}</dd>
                <dt>{m.address}</dt><dd>{address}</dd>
                <dt>{m.language_culture}</dt><dd>{billing.culture}</dd>
            </dl>
        </section>
    }
}
