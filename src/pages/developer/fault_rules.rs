//! The fault rules in force, in the order they are tried, each with how often it matched and
//! applied; an Admin agent removes one, or adds one (`new_fault_rule.rs`).

use api_types::stand_in::FaultRule;
use leptos::prelude::*;

use super::as_json;
use super::new_fault_rule::NewFaultRuleForm;
use crate::app_state::use_app;
use crate::components::status_text::{backend_error, EmptyText, Loading, TableHead};
use crate::i18n::{fill, DeveloperTexts};
use crate::pages::read_as_user;

#[component]
pub fn FaultRules(
    /// Read again with each of its changes (the page's live reading).
    tick: RwSignal<u32>,
) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<DeveloperTexts>();
    let rules = read_as_user(app, move || tick.track(), |backend, signed_in| async move { backend.fault_rules(&signed_in).await });
    let remove = Action::new_local(move |id: &uuid::Uuid| {
        let id = *id;
        async move {
            let caller = app.current_user.get_untracked().ok_or(crate::backend::BackendError::NotSignedIn)?;
            app.backend()?.remove_fault_rule(&caller, id).await
        }
    });
    Effect::new(move |_| {
        if let Some(Err(error)) = remove.value().get() {
            app.report(error);
        }
    });
    view! {
        <h2 class="section-title">{m.rules_title}</h2>
        <p class="hint">{m.rules_intro}</p>
        <Transition fallback=Loading>
            {move || rules.get().map(|read| match read {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(rules)) if rules.is_empty() => view! { <EmptyText text=m.no_rules/> }.into_any(),
                Some(Ok(rules)) => rule_table(rules, remove).into_any(),
                Some(Err(error)) => backend_error(&error),
            })}
        </Transition>
        <NewFaultRuleForm/>
    }
}

fn rule_table(rules: Vec<FaultRule>, remove: Action<uuid::Uuid, Result<(), crate::backend::BackendError>>) -> impl IntoView {
    let m = use_app().texts::<DeveloperTexts>();
    let rows = rules
        .into_iter()
        .map(|rule| {
            let matches = &rule.rule.matches;
            let applies = [matches.method.clone(), matches.path.clone(), matches.caller.clone()].into_iter().flatten().collect::<Vec<_>>();
            let applies = if applies.is_empty() { m.any_request.to_string() } else { applies.join(" ") };
            let counts = fill(m.rule_counts, &[("matched", &rule.matched.to_string()), ("applied", &rule.applied.to_string())]);
            let id = rule.id;
            view! {
                <tr>
                    <td class="mono break">{applies}</td>
                    <td class="mono break">{as_json(&rule.rule.fault)}{rule.rule.when.map(|w| format!(" {}", as_json(&w)))}</td>
                    <td>{counts}</td>
                    <td><button type="button" class="button button-small" on:click=move |_| { remove.dispatch(id); }>{m.remove_rule}</button></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=m.rules_title>
            <table class="table" data-testid="fault-rules">
                <TableHead columns=vec![m.col_rule_match, m.col_rule_fault, m.rules_title, m.remove_rule]/>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
