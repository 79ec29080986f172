//! Settings › Activity log: who changed which customer's purchase permissions, and when.

use domain::dates::{format_date, parse_date};
use domain::{ActivityRecord, Clock};
use leptos::prelude::*;
use time::{Date, Duration};

use crate::app_route::AppRoute;
use crate::app_state::{set_title, use_app};
use crate::backend::BrowserClock;
use crate::components::status_text::{backend_error, EmptyText, ErrorText, Loading, TableHead};
use crate::i18n::fill;
use crate::pages::read_as_user;

#[component]
pub fn ActivityLogPage() -> impl IntoView {
    let app = use_app();
    let m = app.t();
    set_title(app, m.activity_log);
    let today = BrowserClock.now().date();
    // Default range: the last month.
    let from = RwSignal::new(Some(today - Duration::days(30)));
    let to = RwSignal::new(Some(today));
    let records = read_as_user(
        app,
        move || {
            from.track();
            to.track();
        },
        move |backend, caller| {
            let range = (from.get_untracked(), to.get_untracked());
            async move {
                match range {
                    (Some(from), Some(to)) if from <= to => backend.activity(&caller, from, to).await.map(Some),
                    _ => Ok(None),
                }
            }
        },
    );
    // `<input type="date">` reads and writes `YYYY-MM-DD`, and shows it as the browser's language does.
    let date_input = move |id: &'static str, label: &'static str, value: RwSignal<Option<Date>>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="date"
                    prop:value=move || value.get().map(format_date).unwrap_or_default()
                    on:change=move |ev| value.set(parse_date(&event_target_value(&ev)))/>
            </div>
        }
    };

    view! {
        <h1 class="page-title">{m.activity_log}</h1>
        <p class="hint">{m.activity_intro}</p>
        <div class="toolbar">
            {date_input("activity-from", m.from_date, from)}
            {date_input("activity-to", m.to_date, to)}
        </div>
        <Transition fallback=Loading>
            {move || records.get().map(|read| match read {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(None)) => view! { <ErrorText text=m.invalid_range/> }.into_any(),
                Some(Ok(Some(records))) if records.is_empty() => view! { <EmptyText text=m.no_activity/> }.into_any(),
                Some(Ok(Some(records))) => view! { <ActivityTable records=records/> }.into_any(),
                Some(Err(error)) => backend_error(&error),
            })}
        </Transition>
    }
}

#[component]
fn ActivityTable(records: Vec<ActivityRecord>) -> impl IntoView {
    let app = use_app();
    let m = app.t();
    let count = records.len();
    let rows = records
        .into_iter()
        .map(|r| {
            let user = app
                .users
                .with_untracked(|users| users.iter().find(|u| Some(&u.id) == r.partner_user.as_ref()).map(|u| u.display_name.clone()));
            let upn = r.user_principal_name().to_string();
            let details = fill(
                m.change_details,
                &[("before", &m.permission_list(&r.old_value)), ("after", &m.permission_list(&r.new_value))],
            );
            view! {
                <tr>
                    <td class="nowrap">{m.date_time(r.at)}</td>
                    <td><a href=app.href(&AppRoute::Account(r.customer_id))>{r.customer_name}</a></td>
                    <td>
                        // Partner Center's own name of the action, in every language.
                        <div lang="en">{r.action.partner_center_name()}</div>
                        <div class="secondary">{m.action_explained(r.action)}</div>
                    </td>
                    <td>
                        {user.map(|name| view! { <div>{name}</div> })}
                        <div class="secondary">{upn}</div>
                    </td>
                    <td class="secondary">{details}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="count">{m.plural(m.activity_count, count)}</p>
        <div class="table-wrap">
            <table class="table" data-testid="activity-table">
                <TableHead columns=vec![m.col_date_time, m.col_affected_customer, m.col_action, m.col_partner_user, m.col_details]/>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
