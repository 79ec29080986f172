//! The frame of a customer's pages (`/customers/{id}/…`): the customer is read once, its
//! breadcrumb, name and tabs are shown, and the tab of the address renders inside. Moving
//! between tabs keeps the frame and what it read.

use domain::{Customer, CustomerId};
use leptos::prelude::*;

use crate::app_route::{AppRoute, CustomerTab};
use crate::app_state::use_app;
use crate::components::customer_header::CustomerHeader;
use crate::components::status_text::{backend_error, Loading};
use crate::i18n::fill;
use crate::pages::account_page::AccountPage;
use crate::pages::not_found_page::NotFoundPage;
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
    let tab = Memo::new(move |_| route.with(AppRoute::customer_tab));
    let customer = read_as_user(app, || (), move |backend, caller| async move { backend.customer(&caller, id).await });
    view! {
        <Transition fallback=Loading>
            {move || customer.get().map(|read| match read {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(customer)) => {
                    provide_context(CurrentCustomer(customer.clone()));
                    view! {
                        <CustomerHeader id=customer.id company_name=customer.company_name/>
                        {move || match tab.get() {
                            Some(CustomerTab::Account) => view! { <AccountPage/> }.into_any(),
                            Some(CustomerTab::Subscriptions) => view! { <SubscriptionsPage/> }.into_any(),
                            None => ().into_any(),
                        }}
                    }.into_any()
                }
                Some(Err(error)) if error.is_unknown_customer() => {
                    view! { <NotFoundPage detail=fill(app.t().customer_not_found, &[("id", &id.to_string())])/> }.into_any()
                }
                Some(Err(error)) => backend_error(&error),
            })}
        </Transition>
    }
}
