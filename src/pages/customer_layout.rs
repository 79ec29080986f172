//! The frame of a customer's pages (`/customers/{id}/…`): the customer is read once, its
//! breadcrumb, name and tabs are shown, and the tab of the address renders inside. Moving
//! between tabs keeps the frame and what it read.

use domain::{Customer, CustomerId};
use leptos::prelude::*;

use crate::app_route::AppRoute;
use crate::app_state::use_app;
use crate::components::customer_header::CustomerHeader;
use crate::components::status_text::{backend_error, Loading};
use crate::i18n::{CustomerTexts, fill};
use crate::pages::account_page::AccountPage;
use crate::pages::customer_actions::CustomerActions;
use crate::pages::manage_azure_subscription_page::ManageAzureSubscriptionPage;
use crate::pages::not_found_page::NotFoundPage;
use crate::pages::orders_page::OrdersPage;
use crate::pages::purchases::purchases_page::PurchasesPage;
use crate::pages::read_as_user;
use crate::pages::subscriptions_page::SubscriptionsPage;

/// The customer whose page this is, for the tab inside.
#[derive(Debug, Clone)]
pub struct CurrentCustomer(pub Customer);

pub fn use_customer() -> Customer {
    expect_context::<CurrentCustomer>().0
}

#[component]
pub fn CustomerLayout(id: CustomerId, route: Memo<AppRoute>) -> impl IntoView {
    let app = use_app();
    // Every read of this customer's pages follows only the changes that may be about them.
    provide_context(crate::pages::ReadScope(id));
    // The page inside the frame: the route, as long as it is one of this customer's.
    let page = Memo::new(move |_| route.get());
    // Settled: a read that brings the same customer again (after any change kept) renders
    // nothing anew, so the tab inside keeps its state (an open dialog, a change under way).
    let customer =
        read_as_user(app, || (), move |backend, caller| async move { backend.customer(&caller, id).await }).settled();
    view! {
        {move || match customer.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(customer)) => {
                    provide_context(CurrentCustomer(customer.clone()));
                    provide_context(CustomerActions::new(app, &customer));
                    view! {
                        <CustomerHeader id=customer.id company_name=customer.company_name/>
                        {move || match page.get() {
                            AppRoute::Account(_) => view! { <AccountPage/> }.into_any(),
                            AppRoute::Subscriptions(_) => view! { <SubscriptionsPage/> }.into_any(),
                            AppRoute::ManageAzureSubscription(_, azure) => {
                                view! { <ManageAzureSubscriptionPage azure=azure/> }.into_any()
                            }
                            AppRoute::Orders(_) => view! { <OrdersPage/> }.into_any(),
                            AppRoute::CustomerPurchases(id) => view! { <PurchasesPage customer=Some(id)/> }.into_any(),
                            _ => ().into_any(),
                        }}
                    }.into_any()
                }
                Some(Err(error)) if error.is_unknown_customer() => {
                    view! { <NotFoundPage detail=fill(app.texts::<CustomerTexts>().customer_not_found, &[("id", &id.to_string())])/> }.into_any()
                }
                Some(Err(error)) => backend_error(&error),
        }}
    }
}
