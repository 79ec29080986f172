//! Azure portal › Savings plans: the company's savings plans, newest first, and the way to
//! buy one. They cannot be cancelled or exchanged; renewing is the partner's.

use domain::{BenefitItem, Customer, SavingsPlan};
use leptos::prelude::*;

use crate::i18n::PortalTexts;

use super::ask_partner::{ManageButtons, MyRequests};
use super::{on_off, PurchasesTop};
use crate::app_route::AppRoute;
use crate::app_state::{set_title, use_app};
use crate::components::status_text::{backend_error, EmptyText, Loading, TableHead};
use crate::pages::read_as_user;

#[component]
pub fn SavingsPlansPage(company: Customer) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<PortalTexts>();
    set_title(app, m.savings_plans_title);
    let id = company.id;
    let plans = read_as_user(app, || (), move |backend, caller| async move { backend.savings_plans(&caller, id).await });
    view! {
        <PurchasesTop title=m.savings_plans_title company=company.company_name.clone() buy=AppRoute::BuySavingsPlan note=m.savings_plans_partner_note/>
        <Transition fallback=Loading>
            {move || plans.get().map(|read| match read {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(plans)) => view! { <SavingsPlanTable plans=plans company=company.clone()/> }.into_any(),
                Some(Err(error)) => backend_error(&error),
            })}
        </Transition>
        <MyRequests reservations=false/>
    }
}

#[component]
fn SavingsPlanTable(plans: Vec<SavingsPlan>, company: Customer) -> impl IntoView {
    let m = use_app().texts::<PortalTexts>();
    if plans.is_empty() {
        return view! { <EmptyText text=m.no_savings_plans/> }.into_any();
    }
    let rows = plans
        .into_iter()
        .map(|p| {
            view! {
                <tr>
                    <td>{p.display_name.clone()}<div class="sub-id mono">{p.alias.clone()}</div></td>
                    <td class="nowrap">{m.hourly_money(p.hourly_commitment)}</td>
                    <td>{m.term(p.term)}</td>
                    <td>{m.billing_plan(p.billing_plan)}</td>
                    <td>{m.scope(p.scope)}</td>
                    <td>{m.benefit_status(p.status)}</td>
                    <td class="nowrap">{m.date(p.effective.date())}</td>
                    <td class="nowrap">{m.date(p.expiry.date())}</td>
                    <td>{on_off(m, p.renew)}</td>
                    <td class="nowrap">{m.money(p.price.total)}</td>
                    <td><ManageButtons item=BenefitItem::SavingsPlan(p.clone()) company=company.clone()/></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=m.savings_plans_title>
            <table class="table portal-table" data-testid="savings-plans-table">
                <TableHead columns=vec![
                    m.col_name, m.col_hourly_commitment, m.col_term, m.col_billing_frequency, m.col_scope,
                    m.col_status, m.col_effective, m.col_expiry, m.col_renew, m.col_total_billed, m.portal_col_manage,
                ]/>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
