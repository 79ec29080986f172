//! Customer › Subscriptions › Manage (to be written in this session).

use domain::AzureSubscriptionId;
use leptos::prelude::*;

#[component]
pub fn ManageAzureSubscriptionPage(azure: AzureSubscriptionId) -> impl IntoView {
    view! { <p>{azure.to_string()}</p> }
}
