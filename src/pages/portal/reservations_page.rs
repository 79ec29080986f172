//! Azure portal › Reservations: what the company reserved, newest first, and the way to
//! buy more. Exchanging, cancelling and renewing are the partner's (the seed's rule).

use domain::{BenefitItem, Customer, Reservation};
use leptos::prelude::*;

use crate::i18n::PortalTexts;

use super::ask_partner::{ManageButtons, MyRequests};
use super::{on_off, PurchasesTop};
use crate::app_route::AppRoute;
use crate::app_state::{set_title, use_app};
use crate::components::status_text::{backend_error, EmptyText, Loading, TableHead};
use crate::pages::read_as_user;

#[component]
pub fn ReservationsPage(company: Customer) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PortalTexts>();
    set_title(app, m.reservations_title);
    let id = company.id;
    let reservations = read_as_user(app, || (), move |backend, caller| async move { backend.reservations(&caller, id).await });
    view! {
        <PurchasesTop title=m.reservations_title company=company.company_name.clone() buy=AppRoute::BuyReservation note=m.reservations_partner_note/>
        <Transition fallback=Loading>
            {move || reservations.get().map(|read| match read {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(reservations)) => view! { <ReservationTable reservations=reservations company=company.clone()/> }.into_any(),
                Some(Err(error)) => backend_error(&error),
            })}
        </Transition>
        <MyRequests reservations=true/>
    }
}

#[component]
fn ReservationTable(reservations: Vec<Reservation>, company: Customer) -> impl IntoView {
    let m = use_app().texts::<PortalTexts>();
    if reservations.is_empty() {
        return view! { <EmptyText text=m.no_reservations/> }.into_any();
    }
    let rows = reservations
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <td>{r.display_name.clone()}</td>
                    <td><span class="mono nowrap">{r.size.sku_name()}</span><div class="sub-id">{m.region(r.region)}</div></td>
                    <td>{m.number(r.quantity as usize)}</td>
                    <td>{m.term(r.term)}</td>
                    <td>{m.billing_plan(r.billing_plan)}</td>
                    <td>{m.scope(r.scope)}</td>
                    <td>{m.benefit_status(r.status)}</td>
                    <td class="nowrap">{m.date(r.effective.date())}</td>
                    <td class="nowrap">{m.date(r.expiry.date())}</td>
                    <td>{on_off(m, r.renew)}</td>
                    <td class="nowrap">{m.money(r.price.total)}</td>
                    <td><ManageButtons item=BenefitItem::Reservation(r.clone()) company=company.clone()/></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=m.reservations_title>
            <table class="table portal-table" data-testid="reservations-table">
                <TableHead columns=vec![
                    m.col_name, m.col_product, m.col_quantity, m.col_term, m.col_billing_frequency, m.col_scope,
                    m.col_status, m.col_effective, m.col_expiry, m.col_renew, m.col_total_billed, m.portal_col_manage,
                ]/>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
