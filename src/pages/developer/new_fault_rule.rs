//! Adding a fault rule from the Requests inspector: which requests (method, path pattern,
//! caller), what it does (a delay, 429, 500, 503, or a dropped connection), when (always, the
//! first N, only the Nth, with a probability) and after how many uses it goes. What is typed
//! is parsed into the API's `NewFaultRule` and checked with the server's own rules
//! (`NewFaultRule::problem`) before it is sent; the server checks it again.

use api_types::stand_in::{Fault, FaultMatch, FaultRuleProblem, FaultWhen, NewFaultRule};
use leptos::prelude::*;

use crate::app_state::{use_app, NoticeText};
use crate::i18n::{fill, Catalogue, DeveloperTexts};
use crate::pages::tell;

use super::METHODS;

/// What a fault rule does, as the form offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FaultChoice {
    Latency,
    TooManyRequests,
    ServerError500,
    ServerError503,
    DropConnection,
}

impl FaultChoice {
    const ALL: [Self; 5] = [Self::Latency, Self::TooManyRequests, Self::ServerError500, Self::ServerError503, Self::DropConnection];

    fn value(self) -> &'static str {
        match self {
            Self::Latency => "latency",
            Self::TooManyRequests => "429",
            Self::ServerError500 => "500",
            Self::ServerError503 => "503",
            Self::DropConnection => "drop",
        }
    }

    fn label(self, m: &DeveloperTexts) -> &'static str {
        match self {
            Self::Latency => m.fault_latency,
            Self::TooManyRequests => m.fault_too_many_requests,
            Self::ServerError500 => m.fault_500,
            Self::ServerError503 => m.fault_503,
            Self::DropConnection => m.fault_drop,
        }
    }

    /// The label of the number it needs, if any.
    fn amount_label(self, m: &DeveloperTexts) -> Option<&'static str> {
        match self {
            Self::Latency => Some(m.delay_ms),
            Self::TooManyRequests => Some(m.retry_after_seconds),
            _ => None,
        }
    }
}

/// When a rule applies, as the form offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WhenChoice {
    Always,
    First,
    Nth,
    Probability,
}

impl WhenChoice {
    const ALL: [Self; 4] = [Self::Always, Self::First, Self::Nth, Self::Probability];

    fn value(self) -> &'static str {
        match self {
            Self::Always => "always",
            Self::First => "first",
            Self::Nth => "nth",
            Self::Probability => "probability",
        }
    }

    fn label(self, m: &DeveloperTexts) -> &'static str {
        match self {
            Self::Always => m.when_always,
            Self::First => m.when_first,
            Self::Nth => m.when_nth,
            Self::Probability => m.when_probability,
        }
    }

    /// The label of the number it needs, if any.
    fn count_label(self, m: &DeveloperTexts) -> Option<&'static str> {
        match self {
            Self::Always => None,
            Self::First | Self::Nth => Some(m.when_count),
            Self::Probability => Some(m.when_percent),
        }
    }
}

/// What the form holds, as typed.
#[derive(Debug, Clone)]
struct Typed {
    method: String,
    path: String,
    caller: String,
    fault: FaultChoice,
    amount: String,
    when: WhenChoice,
    count: String,
    uses: String,
}

/// Why what was typed is not a rule yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FormProblem {
    /// This field (its label) is not a whole number.
    NotANumber(&'static str),
    Rule(FaultRuleProblem),
}

impl Typed {
    /// The rule asked for, or why there is none.
    fn parse(&self, m: &DeveloperTexts) -> Result<NewFaultRule, FormProblem> {
        let given = |text: &str| Some(text.trim().to_string()).filter(|t| !t.is_empty());
        let number = |text: &str, label: &'static str| text.trim().parse::<u32>().map_err(|_| FormProblem::NotANumber(label));
        let fault = match self.fault {
            FaultChoice::Latency => Fault::Latency { ms: number(&self.amount, m.delay_ms)?, max_ms: None },
            FaultChoice::TooManyRequests => Fault::TooManyRequests { retry_after_seconds: number(&self.amount, m.retry_after_seconds)? },
            FaultChoice::ServerError500 => Fault::ServerError { status: 500 },
            FaultChoice::ServerError503 => Fault::ServerError { status: 503 },
            FaultChoice::DropConnection => Fault::DropConnection {},
        };
        let when = match self.when {
            WhenChoice::Always => None,
            WhenChoice::First => Some(FaultWhen::First(number(&self.count, m.when_count)?)),
            WhenChoice::Nth => Some(FaultWhen::Nth(number(&self.count, m.when_count)?)),
            WhenChoice::Probability => Some(FaultWhen::Probability(f64::from(number(&self.count, m.when_percent)?) / 100.0)),
        };
        let expires_after_uses = match given(&self.uses) {
            Some(uses) => Some(number(&uses, m.expires_after_uses)?),
            None => None,
        };
        let rule = NewFaultRule {
            matches: FaultMatch { method: given(&self.method), path: given(&self.path), caller: given(&self.caller) },
            fault,
            when,
            expires_after_uses,
            expires_in_seconds: None,
        };
        match rule.problem() {
            Some(problem) => Err(FormProblem::Rule(problem)),
            None => Ok(rule),
        }
    }
}

#[component]
pub fn NewFaultRuleForm() -> impl IntoView {
    let app = use_app();
    let m = app.texts::<DeveloperTexts>();
    let text_signal = |initial: &str| RwSignal::new(initial.to_string());
    let (method, path, caller) = (text_signal(""), text_signal(""), text_signal(""));
    let (amount, count, uses) = (text_signal("1"), text_signal(""), text_signal(""));
    let fault = RwSignal::new(FaultChoice::TooManyRequests);
    let when = RwSignal::new(WhenChoice::Always);
    let problem = RwSignal::new(None::<FormProblem>);
    let add = Action::new_local(move |rule: &NewFaultRule| {
        let rule = rule.clone();
        let (backend, caller) = (app.backend(), app.caller());
        async move {
            let (backend, caller) = (backend?, caller?);
            let result = backend.add_fault_rule(&caller, rule).await;
            tell(app, &result, || NoticeText::worded(|lang| DeveloperTexts::of(lang).rule_added.to_string()));
            result.map(|_| ())
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = Typed {
            method: method.get_untracked(),
            path: path.get_untracked(),
            caller: caller.get_untracked(),
            fault: fault.get_untracked(),
            amount: amount.get_untracked(),
            when: when.get_untracked(),
            count: count.get_untracked(),
            uses: uses.get_untracked(),
        };
        match typed.parse(m) {
            Ok(rule) => {
                problem.set(None);
                add.dispatch(rule);
            }
            Err(why) => problem.set(Some(why)),
        }
    };
    let text = move |id: &'static str, label: &'static str, hint: Option<&'static str>, value: RwSignal<String>| {
        let hint_id = hint.map(|_| format!("{id}-hint"));
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="text" aria-describedby=hint_id.clone()
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
                {hint.map(|hint| view! { <p id=hint_id.unwrap_or_default() class="field-hint">{hint}</p> })}
            </div>
        }
    };
    view! {
        <form class="fault-rule-form" on:submit=submit aria-labelledby="new-fault-rule-title" data-testid="new-fault-rule">
            <h3 id="new-fault-rule-title" class="subsection-title">{m.add_rule_title}</h3>
            <div class="toolbar">
                <div class="field">
                    <label for="rule-method">{m.filter_method}</label>
                    <select id="rule-method" on:change=move |ev| method.set(event_target_value(&ev))>
                        <option value="">{m.any_method}</option>
                        {METHODS.map(|verb| view! { <option value=verb>{verb}</option> }).collect_view()}
                    </select>
                </div>
                {text("rule-path", m.filter_path, Some(m.rule_path_hint), path)}
                {text("rule-caller", m.filter_caller, None, caller)}
            </div>
            <div class="toolbar">
                <div class="field">
                    <label for="rule-fault">{m.rule_fault}</label>
                    <select id="rule-fault" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if let Some(chosen) = FaultChoice::ALL.into_iter().find(|f| f.value() == value) {
                            fault.set(chosen);
                        }
                    }>
                        {FaultChoice::ALL.map(|choice| view! {
                            <option value=choice.value() selected=choice == FaultChoice::TooManyRequests>{choice.label(m)}</option>
                        }).collect_view()}
                    </select>
                </div>
                {move || fault.get().amount_label(m).map(|label| text("rule-amount", label, None, amount))}
                <div class="field">
                    <label for="rule-when">{m.rule_when}</label>
                    <select id="rule-when" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if let Some(chosen) = WhenChoice::ALL.into_iter().find(|w| w.value() == value) {
                            when.set(chosen);
                        }
                    }>
                        {WhenChoice::ALL.map(|choice| view! { <option value=choice.value()>{choice.label(m)}</option> }).collect_view()}
                    </select>
                </div>
                {move || when.get().count_label(m).map(|label| text("rule-count", label, None, count))}
                {text("rule-uses", m.expires_after_uses, None, uses)}
            </div>
            {move || problem.get().map(|why| view! { <p class="field-problem" role="alert" data-testid="rule-problem">{words(m, why)}</p> })}
            <button type="submit" class="button button-primary" disabled=move || add.pending().get()>{m.add_rule}</button>
        </form>
    }
}

/// Why the form's rule cannot be added, in words.
fn words(m: &DeveloperTexts, problem: FormProblem) -> String {
    match problem {
        FormProblem::NotANumber(label) => fill(m.not_a_number, &[("field", label)]),
        FormProblem::Rule(problem) => m.rule_problem(problem).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn typed(fault: FaultChoice, amount: &str, when: WhenChoice, count: &str) -> Typed {
        Typed {
            method: "POST".into(),
            path: " /v1/SelfServePolicy ".into(),
            caller: String::new(),
            fault,
            amount: amount.into(),
            when,
            count: count.into(),
            uses: String::new(),
        }
    }

    #[test]
    fn what_is_typed_becomes_the_apis_rule() {
        let m = DeveloperTexts::of(Lang::En);
        let rule = typed(FaultChoice::ServerError503, "", WhenChoice::First, "2").parse(m).expect("a rule");
        assert_eq!(rule.matches, FaultMatch { method: Some("POST".into()), path: Some("/v1/SelfServePolicy".into()), caller: None });
        assert_eq!(rule.fault, Fault::ServerError { status: 503 });
        assert_eq!(rule.when, Some(FaultWhen::First(2)));
        let rule = typed(FaultChoice::Latency, "250", WhenChoice::Probability, "25").parse(m).expect("a rule");
        assert_eq!(rule.fault, Fault::Latency { ms: 250, max_ms: None });
        assert_eq!(rule.when, Some(FaultWhen::Probability(0.25)));
    }

    #[test]
    fn what_the_server_would_refuse_is_worded_before_it_is_sent() {
        let m = DeveloperTexts::of(Lang::En);
        let problem = |t: Typed| t.parse(m).err().map(|why| words(m, why));
        assert_eq!(problem(typed(FaultChoice::Latency, "70000", WhenChoice::Always, "")).as_deref(), Some("The delay is at most 60,000 ms."));
        assert_eq!(problem(typed(FaultChoice::TooManyRequests, "soon", WhenChoice::Always, "")).as_deref(), Some("Retry-After (seconds): enter a whole number."));
        assert_eq!(problem(typed(FaultChoice::DropConnection, "", WhenChoice::Nth, "0")).as_deref(), Some("N and the number of uses are from 1 to 2,147,483,647."));
        assert_eq!(problem(typed(FaultChoice::DropConnection, "", WhenChoice::Probability, "150")).as_deref(), Some("The probability is from 0 to 100 %."));
        let mut no_slash = typed(FaultChoice::ServerError500, "", WhenChoice::Always, "");
        no_slash.path = "v1/customers".into();
        assert_eq!(problem(no_slash).as_deref(), Some("A path pattern starts with / and has at most 500 characters."));
    }
}
