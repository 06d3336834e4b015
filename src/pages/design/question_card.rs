//! One question in the designer: its titles, help and placeholder in Thai
//! and English side by side, whether it is required, its kind and what the
//! kind needs, when it is asked, and buttons to move or remove it.

use eservice_core::designer::{Advanced, Choice, Condition, Key, Kind, Question, Test, KINDS};
use eservice_core::{Lang, LocalText};
use serde_json::Value;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::settings::{labelled_input, some};
use super::{Dispatch, Edit};
use crate::app::field::{target_value, use_selected};
use crate::dom::FocusAfterDraw;

/// What a question may be asked after: one before it at its level.
#[derive(Clone, PartialEq)]
pub struct Before {
    pub key: Key,
    pub title: LocalText,
    /// Its kind, without the questions inside a section or group.
    pub kind: Kind,
}

impl Before {
    /// The questions of a list, as the cards in it see them.
    pub fn all(list: &[Question]) -> std::rc::Rc<Vec<Before>> {
        let kind = |k: &Kind| match k {
            Kind::Section { .. } => Kind::Section { questions: Vec::new() },
            Kind::Repeat { min, max, .. } => Kind::Repeat { questions: Vec::new(), min: *min, max: *max },
            k => k.clone(),
        };
        std::rc::Rc::new(list.iter().map(|q| Before { key: q.key.clone(), title: q.title.clone(), kind: kind(&q.kind) }).collect())
    }
}

#[derive(Properties)]
pub struct CardProps {
    /// Where the question is: indices from the top level down.
    pub path: Vec<usize>,
    /// How many questions are beside it (itself included).
    pub count: usize,
    pub question: Question,
    /// The wizard's step titles, and the step it is on (top-level questions only).
    #[prop_or_default]
    pub steps: Vec<String>,
    #[prop_or_default]
    pub step: Option<usize>,
    /// One of the shapes of a "shapes" question: a title and its questions only.
    #[prop_or_default]
    pub shape: bool,
    /// The questions at its level, itself included: those before it are
    /// what it may be asked after.
    pub siblings: std::rc::Rc<Vec<Before>>,
    pub lang: Lang,
    pub dispatch: Dispatch,
    /// Where focus goes once the page is drawn again (a question moved or
    /// removed); the page's one, never changing.
    pub focus: FocusAfterDraw,
}

/// A card is drawn again only when what it shows changed: its question, or
/// a question before it (which its "ask when" lists), not one after it.
impl PartialEq for CardProps {
    fn eq(&self, o: &Self) -> bool {
        let i = self.path.last().copied().unwrap_or(0);
        self.path == o.path
            && self.count == o.count
            && self.question == o.question
            && self.steps == o.steps
            && self.step == o.step
            && self.shape == o.shape
            && self.lang == o.lang
            && self.dispatch == o.dispatch
            && self.focus == o.focus
            && (std::rc::Rc::ptr_eq(&self.siblings, &o.siblings) || self.siblings.get(..i) == o.siblings.get(..i))
    }
}

/// Applies `f` to the question at `path`.
fn edit(dispatch: &Dispatch, path: &[usize], f: impl Fn(&mut Question) + 'static) {
    let path = path.to_vec();
    dispatch.dispatch(Edit::new(move |d| {
        if let Some(q) = d.question_at(&path) {
            f(q);
        }
    }).into());
}

/// Applies `f`, typing in the field `id`, to the question at `path`.
fn typing(dispatch: &Dispatch, id: &str, path: &[usize], f: impl Fn(&mut Question) + 'static) {
    let path = path.to_vec();
    dispatch.dispatch(Edit::typing(id, move |d| {
        if let Some(q) = d.question_at(&path) {
            f(q);
        }
    }).into());
}

/// Options as the clerk types them: one a line, `Thai | English`.
fn options_text(options: &[Choice]) -> String {
    options
        .iter()
        .map(|o| match (&o.label.th, &o.label.en) {
            (Some(th), Some(en)) => format!("{th} | {en}"),
            (th, en) => th.clone().or(en.clone()).unwrap_or_default(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The options a text describes, each stored as a key made from its words.
fn parse_options(text: &str) -> Vec<Choice> {
    let mut out: Vec<Choice> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (th, en) = match line.split_once('|') {
            Some((th, en)) => (th.trim(), en.trim()),
            None => (line, ""),
        };
        let taken: Vec<Key> = out.iter().filter_map(|o| Key::parse(&o.value)).collect();
        let value = Key::from_title(en, th, &taken).to_string();
        out.push(Choice { value, label: LocalText { th: some(th.to_owned()), en: some(en.to_owned()) } });
    }
    out
}

/// The value a condition compares, as typed, for an answer of `kind`.
fn condition_value(kind: &Kind, typed: &str) -> Value {
    match kind {
        Kind::Number { .. } => typed.trim().parse::<f64>().map(Value::from).unwrap_or_else(|_| Value::from(typed)),
        Kind::YesNo | Kind::Declaration => Value::Bool(typed == "true"),
        _ => Value::from(typed),
    }
}

fn shown_value(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[component]
pub fn QuestionCard(props: &CardProps) -> Html {
    let CardProps { path, count, question: q, steps, step, siblings, shape, lang, dispatch, focus } = props;
    let lang = *lang;
    let i = path.last().copied().unwrap_or(0);
    let earlier: &[Before] = siblings.get(..i).unwrap_or_default();
    let here = std::rc::Rc::new(path.clone());
    let kind_select = use_node_ref();
    use_selected(kind_select.clone(), q.kind.name().to_owned());
    let step_select = use_node_ref();
    use_selected(step_select.clone(), step.map(|s| s.to_string()).unwrap_or_default());
    let name = path.iter().map(usize::to_string).collect::<Vec<_>>().join("-");
    let id = |part: &str| format!("q{name}-{part}");
    let text = |part: &str, label: &str, value: Option<&str>, set: fn(&mut Question, Option<String>)| {
        let (dispatch, here, field) = (dispatch.clone(), here.clone(), id(part));
        let oninput = Callback::from(move |e: InputEvent| {
            let v = some(target_value(&e));
            typing(&dispatch, &field, &here, move |q| set(q, v.clone()));
        });
        labelled_input(id(part), label, None, value.unwrap_or_default().to_owned(), oninput)
    };
    let on_kind = {
        let (dispatch, here) = (dispatch.clone(), here.clone());
        Callback::from(move |e: Event| {
            let name = target_value(&e);
            edit(&dispatch, &here, move |q| {
                if let Some(k) = Kind::blank(&name) {
                    // The clerk's message goes with the question, to the new kind's checks.
                    let message = q.message().cloned();
                    q.kind = k;
                    q.set_message(message.unwrap_or_default());
                }
            });
        })
    };
    let on_required = {
        let (dispatch, here) = (dispatch.clone(), here.clone());
        Callback::from(move |e: Event| {
            let on = e.target_dyn_into::<HtmlInputElement>().is_some_and(|i| i.checked());
            edit(&dispatch, &here, move |q| q.required = on);
        })
    };
    let kind_fields = match &q.kind {
        Kind::Single { options, .. } | Kind::Multiple { options } => {
            let (dispatch, here) = (dispatch.clone(), here.clone());
            let oninput = Callback::from(move |e: InputEvent| {
                let parsed = parse_options(&target_value(&e));
                edit(&dispatch, &here, move |q| match &mut q.kind {
                    Kind::Single { options, .. } | Kind::Multiple { options } => *options = parsed.clone(),
                    _ => {}
                });
            });
            html! {
                <div class="field">
                    <label for={id("options")}>{ lang.pick("ตัวเลือก บรรทัดละหนึ่งข้อ: ไทย | English", "Options, one a line: Thai | English") }</label>
                    <textarea id={id("options")} rows="4" value={options_text(options)} {oninput} />
                </div>
            }
        }
        Kind::Number { min, max, integer } => {
            let number = |part: &str, label: &str, v: Option<f64>, set: fn(&mut Option<f64>, &mut Option<f64>, Option<f64>)| {
                let (dispatch, here) = (dispatch.clone(), here.clone());
                let oninput = Callback::from(move |e: InputEvent| {
                    let v = target_value(&e).trim().parse::<f64>().ok();
                    edit(&dispatch, &here, move |q| {
                        if let Kind::Number { min, max, .. } = &mut q.kind {
                            set(min, max, v);
                        }
                    });
                });
                labelled_input(id(part), label, Some("decimal"), v.map(|v| v.to_string()).unwrap_or_default(), oninput)
            };
            let (dispatch, here) = (dispatch.clone(), here.clone());
            let on_integer = Callback::from(move |e: Event| {
                let on = e.target_dyn_into::<HtmlInputElement>().is_some_and(|i| i.checked());
                edit(&dispatch, &here, move |q| {
                    if let Kind::Number { integer, .. } = &mut q.kind {
                        *integer = on;
                    }
                });
            });
            html! {
                <div class="side-by-side">
                    { number("min", lang.pick("ค่าต่ำสุด", "Minimum"), *min, |min, _, v| *min = v) }
                    { number("max", lang.pick("ค่าสูงสุด", "Maximum"), *max, |_, max, v| *max = v) }
                    <div class="field field-checkbox">
                        <input id={id("integer")} type="checkbox" checked={*integer} onchange={on_integer} />
                        <label for={id("integer")}>{ lang.pick("จำนวนเต็มเท่านั้น", "Whole numbers only") }</label>
                    </div>
                </div>
            }
        }
        Kind::ShortText { pattern, .. } => html! {
            <>
                { text("pattern", lang.pick("รูปแบบ (regular expression, ถ้ามี)", "Pattern (a regular expression, if any)"), pattern.as_deref(), |q, v| {
                    if let Kind::ShortText { pattern, .. } = &mut q.kind {
                        *pattern = v;
                    }
                }) }
            </>
        },
        Kind::Evidence { max_count, .. } => {
            let (dispatch, here) = (dispatch.clone(), here.clone());
            let oninput = Callback::from(move |e: InputEvent| {
                let n = target_value(&e).trim().parse::<usize>().ok().filter(|n| *n > 0);
                edit(&dispatch, &here, move |q| {
                    if let (Kind::Evidence { max_count, .. }, Some(n)) = (&mut q.kind, n) {
                        *max_count = n;
                    }
                });
            });
            html! {
                <>
                    { labelled_input(id("max-files"), lang.pick("จำนวนไฟล์สูงสุด", "Most files"), Some("numeric"), max_count.to_string(), oninput) }
                    <p class="field-help">{ lang.pick("รับ JPEG, PNG, PDF ไม่เกิน 10 MB ต่อไฟล์ ภาพถ่ายย่อให้ด้านยาว 1600 px ประมาณ 500 KB", "JPEG, PNG and PDF up to 10 MB each; photos made 1600 px on the long edge, about 500 KB") }</p>
                </>
            }
        }
        _ => Html::default(),
    };
    // Each moves or removes this question; focus goes where it went (or,
    // removed, to the card before it, the one after, or the add button).
    let parent: Vec<String> = path[..path.len().saturating_sub(1)].iter().map(usize::to_string).collect();
    let card_at = |j: usize, part: &str| format!("q{}-{part}", parent.iter().cloned().chain([j.to_string()]).collect::<Vec<_>>().join("-"));
    let add_id = if parent.is_empty() { "design-add".to_owned() } else { format!("q{}-add", parent.join("-")) };
    let mover = |label: &str, part: &str, class: &'static str, disabled: bool, f: fn(&mut Vec<Question>, usize), text: &'static str| {
        let (dispatch, here, focus) = (dispatch.clone(), here.clone(), focus.clone());
        let then = match part {
            // The same button where the question went, unless that one is
            // now disabled (first or last): then the other.
            "up" if i == 1 => card_at(0, "down"),
            "up" => card_at(i - 1, "up"),
            "down" if i + 2 == *count => card_at(i + 1, "up"),
            "down" => card_at(i + 1, "down"),
            _ if i > 0 => card_at(i - 1, "remove"),
            // The first removed: the one after it is first now.
            _ if *count > 1 => card_at(0, "remove"),
            _ => add_id.clone(),
        };
        let onclick = Callback::from(move |e: MouseEvent| {
            focus.ask(&e, &then);
            let here = here.clone();
            dispatch.dispatch(Edit::new(move |d| {
                if let Some(list) = d.list_at(&here) {
                    f(list, i);
                }
            }).into());
        });
        let title = q.title.get(lang);
        let title = if title.is_empty() { lang.pick("(ยังไม่มีชื่อ)", "(untitled)") } else { title };
        html! { <button type="button" id={id(part)} {class} {disabled} aria-label={format!("{label}: {title}")} {onclick}>{ text }</button> }
    };
    let on_step = {
        let (dispatch, key) = (dispatch.clone(), q.key.clone());
        Callback::from(move |e: Event| {
            let (key, n) = (key.clone(), target_value(&e).parse::<usize>().unwrap_or(0));
            dispatch.dispatch(Edit::new(move |d| d.put_on_step(&key, n)).into());
        })
    };
    // A section's or repeating group's own questions, each a card of its own.
    let children = match &q.kind {
        Kind::Section { questions } | Kind::Repeat { questions, .. } | Kind::Shapes { shapes: questions } => {
            let inner = Before::all(questions);
            let shapes = matches!(q.kind, Kind::Shapes { .. });
            let add = {
                let (dispatch, here) = (dispatch.clone(), here.clone());
                Callback::from(move |_: MouseEvent| {
                    let here = here.clone();
                    dispatch.dispatch(Edit::new(move |d| {
                        let Some(parent) = d.question_at(&here) else { return };
                        let kind = match parent.kind {
                            Kind::Shapes { .. } => Kind::Section { questions: Vec::new() },
                            _ => Kind::ShortText { max_length: None, pattern: None },
                        };
                        if let Some(list) = parent.kind.children_mut() {
                            let taken: Vec<Key> = list.iter().map(|q| q.key.clone()).collect();
                            list.push(Question::new(kind, &taken));
                        }
                    }).into())
                })
            };
            let limits = match &q.kind {
                Kind::Repeat { min, max, .. } => {
                    let limit = |part: &str, label: &str, v: String, set: fn(&mut usize, &mut Option<usize>, Option<usize>)| {
                        let (dispatch, here) = (dispatch.clone(), here.clone());
                        let oninput = Callback::from(move |e: InputEvent| {
                            let n = target_value(&e).trim().parse::<usize>().ok();
                            edit(&dispatch, &here, move |q| {
                                if let Kind::Repeat { min, max, .. } = &mut q.kind {
                                    set(min, max, n);
                                }
                            });
                        });
                        labelled_input(id(part), label, Some("numeric"), v, oninput)
                    };
                    html! {
                        <div class="side-by-side">
                            { limit("min-items", lang.pick("อย่างน้อย (รายการ)", "At least (items)"), min.to_string(), |min, _, n| *min = n.unwrap_or(0)) }
                            { limit("max-items", lang.pick("ไม่เกิน (รายการ)", "At most (items)"), max.map(|m| m.to_string()).unwrap_or_default(), |_, max, n| *max = n) }
                        </div>
                    }
                }
                _ => Html::default(),
            };
            html! {
                <div class="designer-children">
                    { limits }
                    <ol class="designer-questions">
                        { for questions.iter().enumerate().map(|(j, c)| {
                            let siblings = inner.clone();
                            let mut child = path.clone();
                            child.push(j);
                            html! {
                                <li key={format!("c{j}")}>
                                    <QuestionCard path={child} count={questions.len()} question={c.clone()} {siblings} shape={shapes} {lang} dispatch={dispatch.clone()} focus={focus.clone()} />
                                </li>
                            }
                        }) }
                    </ol>
                    <button type="button" class="secondary add-item" id={id("add")} onclick={add}>
                        { if shapes { lang.pick("+ เพิ่มรูปแบบ", "+ Add a shape").to_owned() } else { format!("+ {} {}", lang.pick("เพิ่มคำถามใน", "Add a question to"), q.title.get(lang)) } }
                    </button>
                </div>
            }
        }
        _ => Html::default(),
    };
    let message = q.message().cloned().unwrap_or_default();
    let title = q.title.get(lang);
    html! {
        <fieldset class="group designer-question" id={id("card")}>
            <legend>{ format!("{} {}: {}", lang.pick("คำถามที่", "Question"), path.iter().map(|n| (n + 1).to_string()).collect::<Vec<_>>().join("."), if title.is_empty() { lang.pick("(ยังไม่มีชื่อ)", "(untitled)") } else { title }) }</legend>
            <div class="list-item-head">
                <span class="list-item-title">{ format!("{}: {}", lang.pick("รหัส", "Key"), q.key) }</span>
                { mover(lang.pick("เลื่อนขึ้น", "Move up"), "up", "icon-button", i == 0, |qs, i| qs.swap(i, i - 1), "↑") }
                { mover(lang.pick("เลื่อนลง", "Move down"), "down", "icon-button", i + 1 == *count, |qs, i| qs.swap(i, i + 1), "↓") }
                { mover(lang.pick("ลบ", "Remove"), "remove", "icon-button remove", false, |qs, i| { qs.remove(i); }, "✕") }
            </div>
            <div class="side-by-side">
                { text("title-th", if *shape { lang.pick("รูปแบบ (ไทย)", "Shape (Thai)") } else { lang.pick("คำถาม (ไทย)", "Question (Thai)") }, q.title.th.as_deref(), |q, v| q.title.th = v) }
                { text("title-en", if *shape { lang.pick("รูปแบบ (อังกฤษ)", "Shape (English)") } else { lang.pick("คำถาม (อังกฤษ)", "Question (English)") }, q.title.en.as_deref(), |q, v| q.title.en = v) }
            </div>
            if !*shape {
            <div class="side-by-side">
                { text("help-th", lang.pick("คำอธิบาย (ไทย)", "Help (Thai)"), q.help.th.as_deref(), |q, v| q.help.th = v) }
                { text("help-en", lang.pick("คำอธิบาย (อังกฤษ)", "Help (English)"), q.help.en.as_deref(), |q, v| q.help.en = v) }
            </div>
            if q.kind.is_typed() {
                <div class="side-by-side">
                    { text("placeholder-th", lang.pick("ตัวอย่างในช่อง (ไทย)", "Placeholder (Thai)"), q.placeholder.th.as_deref(), |q, v| q.placeholder.th = v) }
                    { text("placeholder-en", lang.pick("ตัวอย่างในช่อง (อังกฤษ)", "Placeholder (English)"), q.placeholder.en.as_deref(), |q, v| q.placeholder.en = v) }
                </div>
            }
            <div class="side-by-side">
                if matches!(q.kind, Kind::HandWritten) {
                    <p class="field" id={id("kind")}>{ lang.pick("ชนิดคำตอบ: เขียนด้วยมือ (แก้ได้เฉพาะข้อความและเงื่อนไข)", "Kind of answer: written by hand (only its words and conditions are edited here)") }</p>
                } else {
                <div class="field">
                    <label for={id("kind")}>{ lang.pick("ชนิดคำตอบ", "Kind of answer") }</label>
                    <select id={id("kind")} ref={kind_select} onchange={on_kind}>
                        { for KINDS.iter().map(|(name, th, en)| html! { <option value={*name}>{ lang.pick(th, en) }</option> }) }
                    </select>
                </div>
                }
                <div class="field field-checkbox">
                    <input id={id("required")} type="checkbox" checked={q.required} onchange={on_required} />
                    <label for={id("required")}>{ lang.pick("ต้องตอบ", "Required") }</label>
                </div>
            </div>
            { kind_fields }
            { advanced(&q.advanced, &id("advanced"), lang) }
            if !q.kind.keywords().is_empty() {
                <div class="side-by-side">
                    { text("message-th", lang.pick("ข้อความเมื่อตอบไม่ถูกต้อง (ไทย)", "Message for a wrong answer (Thai)"), message.th.as_deref(), |q, v| {
                        let mut m = q.message().cloned().unwrap_or_default();
                        m.th = v;
                        q.set_message(m);
                    }) }
                    { text("message-en", lang.pick("ข้อความเมื่อตอบไม่ถูกต้อง (อังกฤษ)", "Message for a wrong answer (English)"), message.en.as_deref(), |q, v| {
                        let mut m = q.message().cloned().unwrap_or_default();
                        m.en = v;
                        q.set_message(m);
                    }) }
                </div>
            }
            }
            { children }
            if !steps.is_empty() {
                <div class="field">
                    <label for={id("step")}>{ lang.pick("อยู่ในขั้นตอน", "On step") }</label>
                    <select id={id("step")} ref={step_select} onchange={on_step}>
                        { for steps.iter().enumerate().map(|(n, t)| html! { <option value={n.to_string()}>{ format!("{}. {t}", n + 1) }</option> }) }
                    </select>
                </div>
            }
            if !*shape {
                <ConditionPicker path={path.clone()} which={Which::Show} condition={q.show_when.clone()} earlier={earlier.to_vec()} {lang} dispatch={dispatch.clone()} />
                if !matches!(q.kind, Kind::Section { .. }) {
                    <ConditionPicker path={path.clone()} which={Which::Require} condition={q.required_when.clone()} earlier={earlier.to_vec()} {lang} dispatch={dispatch.clone()} />
                }
            }
        </fieldset>
    }
}

/// The parts of a hand-written form kept as they were, for the clerk to
/// see: never edited here, never dropped.
pub fn advanced(a: &Advanced, id: &str, lang: Lang) -> Html {
    if a.is_empty() {
        return Html::default();
    }
    let names: Vec<&str> = a.schema.keys().chain(a.ui.keys()).map(String::as_str).collect();
    let pretty = |m: &serde_json::Map<String, Value>| serde_json::to_string_pretty(m).unwrap_or_default();
    html! {
        <details class="designer-advanced" id={id.to_owned()}>
            <summary>{ format!("{}: {}", lang.pick("ส่วนขั้นสูงที่เขียนด้วยมือ คงไว้ตามเดิม", "Advanced, edited by hand, kept as it is"), names.join(", ")) }</summary>
            if !a.schema.is_empty() {
                <p class="field-help">{ "schema.json" }</p>
                <pre>{ pretty(&a.schema) }</pre>
            }
            if !a.ui.is_empty() {
                <p class="field-help">{ "ui.json" }</p>
                <pre>{ pretty(&a.ui) }</pre>
            }
        </details>
    }
}

/// Which of a question's conditions a picker edits.
#[derive(Clone, Copy, PartialEq)]
pub enum Which {
    /// Asked only when it holds.
    Show,
    /// Required only when it holds.
    Require,
}

impl Which {
    fn of(self, q: &mut Question) -> &mut Option<Condition> {
        match self {
            Which::Show => &mut q.show_when,
            Which::Require => &mut q.required_when,
        }
    }

    fn part(self) -> &'static str {
        match self {
            Which::Show => "when",
            Which::Require => "required-when",
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct PickerProps {
    pub path: Vec<usize>,
    pub which: Which,
    pub condition: Option<Condition>,
    /// The questions before it at its level: what the condition may be on.
    pub earlier: Vec<Before>,
    pub lang: Lang,
    pub dispatch: Dispatch,
}

/// "When \<question\> is / is not / is more than \<value\>": the question
/// picked among those before, then the test, then the value, offered as the
/// picked question's kind allows.
#[component]
pub fn ConditionPicker(props: &PickerProps) -> Html {
    let PickerProps { path, which, condition, earlier, lang, dispatch } = props;
    let (which, lang) = (*which, *lang);
    let here = std::rc::Rc::new(path.clone());
    let (on_select, test_select, value_select) = (use_node_ref(), use_node_ref(), use_node_ref());
    let when = condition.as_ref();
    use_selected(on_select.clone(), when.map(|c| c.on.to_string()).unwrap_or_default());
    let test_name = match when.map(|c| &c.test) {
        Some(Test::IsNot(_)) => "is_not",
        Some(Test::MoreThan(_)) => "more_than",
        _ => "is",
    };
    use_selected(test_select.clone(), test_name.to_owned());
    let when_value = match when.map(|c| &c.test) {
        Some(Test::Is(v) | Test::IsNot(v)) => shown_value(v),
        Some(Test::MoreThan(n)) => n.to_string(),
        None => String::new(),
    };
    use_selected(value_select.clone(), when_value.clone());
    let name = path.iter().map(usize::to_string).collect::<Vec<_>>().join("-");
    let part = which.part();
    let id = |rest: &str| format!("q{name}-{part}{rest}");
    // When the question is asked.
    let on_when = {
        let (dispatch, here, earlier) = (dispatch.clone(), here.clone(), earlier.to_vec());
        Callback::from(move |e: Event| {
            let on = Key::parse(&target_value(&e));
            let first = on.as_ref().and_then(|k| earlier.iter().find(|q| q.key == *k)).map(|q| match &q.kind {
                Kind::Number { .. } => Test::MoreThan(0.0),
                Kind::YesNo | Kind::Declaration => Test::Is(Value::Bool(true)),
                Kind::Single { options, .. } | Kind::Multiple { options } => Test::Is(options.first().map(|o| Value::from(o.value.clone())).unwrap_or(Value::Null)),
                _ => Test::Is(Value::from("")),
            });
            edit(&dispatch, &here, move |q| *which.of(q) = on.clone().zip(first.clone()).map(|(on, test)| Condition { on, test }));
        })
    };
    let target = when.and_then(|c| earlier.iter().find(|q| q.key == c.on));
    let set_test = move |dispatch: &Dispatch, here: &[usize], name: String, typed: String, kind: Kind| {
        edit(dispatch, here, move |q| {
            if let Some(c) = which.of(q) {
                let v = condition_value(&kind, &typed);
                c.test = match name.as_str() {
                    "is_not" => Test::IsNot(v),
                    "more_than" => Test::MoreThan(v.as_f64().unwrap_or(0.0)),
                    _ => Test::Is(v),
                };
            }
        });
    };
    let condition_fields = target.map(|t| {
        let kind = t.kind.clone();
        let on_test = {
            let (dispatch, here, kind, typed) = (dispatch.clone(), here.clone(), kind.clone(), when_value.clone());
            Callback::from(move |e: Event| set_test(&dispatch, &here, target_value(&e), typed.clone(), kind.clone()))
        };
        let value_input = match &kind {
            Kind::Single { options, .. } | Kind::Multiple { options } => {
                let (dispatch, here, kind, name) = (dispatch.clone(), here.clone(), kind.clone(), test_name.to_owned());
                let onchange = Callback::from(move |e: Event| set_test(&dispatch, &here, name.clone(), target_value(&e), kind.clone()));
                html! {
                    <select id={id("-value")} ref={value_select.clone()} {onchange}>
                        { for options.iter().map(|o| html! { <option value={o.value.clone()}>{ o.label.get(lang).to_owned() }</option> }) }
                    </select>
                }
            }
            Kind::YesNo | Kind::Declaration => {
                let (dispatch, here, kind, name) = (dispatch.clone(), here.clone(), kind.clone(), test_name.to_owned());
                let onchange = Callback::from(move |e: Event| set_test(&dispatch, &here, name.clone(), target_value(&e), kind.clone()));
                html! {
                    <select id={id("-value")} ref={value_select.clone()} {onchange}>
                        <option value="true">{ lang.pick("ใช่ / ติ๊ก", "Yes / ticked") }</option>
                        <option value="false">{ lang.pick("ไม่ใช่", "No") }</option>
                    </select>
                }
            }
            _ => {
                let (dispatch, here, kind, name) = (dispatch.clone(), here.clone(), kind.clone(), test_name.to_owned());
                let oninput = Callback::from(move |e: InputEvent| set_test(&dispatch, &here, name.clone(), target_value(&e), kind.clone()));
                html! { <input id={id("-value")} type="text" value={when_value.clone()} {oninput} /> }
            }
        };
        html! {
            <div class="side-by-side">
                <div class="field">
                    <label for={id("-test")}>{ lang.pick("เมื่อคำตอบ", "When the answer") }</label>
                    <select id={id("-test")} ref={test_select.clone()} onchange={on_test}>
                        <option value="is">{ lang.pick("เป็น", "is") }</option>
                        <option value="is_not">{ lang.pick("ไม่เป็น", "is not") }</option>
                        if matches!(kind, Kind::Number { .. }) {
                            <option value="more_than">{ lang.pick("มากกว่า", "is more than") }</option>
                        }
                    </select>
                </div>
                <div class="field">
                    <label for={id("-value")}>{ lang.pick("ค่า", "Value") }</label>
                    { value_input }
                </div>
            </div>
        }
    });
    let label = match which {
        Which::Show => lang.pick("ถามเมื่อ", "Ask"),
        Which::Require => lang.pick("ต้องตอบเมื่อ", "Required"),
    };
    let always = match which {
        Which::Show => lang.pick("ถามเสมอ", "Always"),
        Which::Require => lang.pick("ตามช่อง \"ต้องตอบ\"", "As the \"Required\" box says"),
    };
    html! {
        <>
            <div class="field">
                <label for={id("")}>{ label }</label>
                <select id={id("")} ref={on_select} onchange={on_when}>
                    <option value="">{ always }</option>
                    { for earlier.iter().map(|e| html! { <option value={e.key.to_string()}>{ format!("{} {}", lang.pick("เมื่อตอบข้อ", "When"), e.title.get(lang)) }</option> }) }
                </select>
            </div>
            { condition_fields.unwrap_or_default() }
        </>
    }
}
