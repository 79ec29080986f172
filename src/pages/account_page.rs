//! Customer › Account: the company profile, its users, and at the bottom, Customer
//! permissions.

use domain::Customer;
use leptos::prelude::*;

use crate::app_state::{set_title, use_app};
use crate::components::customer_permissions::CustomerPermissions;
use crate::components::customer_users::CustomerUsers;
use crate::i18n::{CustomerTexts, fill};
use crate::pages::customer_layout::use_customer;
use crate::pages::ReadKinds;

#[component]
pub fn AccountPage() -> impl IntoView {
    let app = use_app();
    let m = app.texts::<CustomerTexts>();
    let customer = use_customer();
    provide_context(ReadKinds::ACCOUNT);
    set_title(app, &fill(m.customer_tab_title, &[("tab", m.account), ("customer", &customer.company_name)]));
    view! {
        <AccountInfo customer=customer.clone()/>
        <CustomerUsers id=customer.id/>
        <CustomerPermissions id=customer.id company_name=customer.company_name/>
    }
}

#[component]
fn AccountInfo(customer: Customer) -> impl IntoView {
    let m = use_app().texts::<CustomerTexts>();
    let billing = customer.billing;
    let address = [billing.address.line1, format!("{} {}", billing.address.postal_code, billing.address.city), billing.address.country]
        .into_iter()
        .filter(|part| !part.trim().is_empty())
        .collect::<Vec<_>>()
        .join(", ");
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
