//! The built-in frame: the locals and globals of a transformer's `forward`,
//! generated in code (deterministically) rather than checked in as JSON.

use std::rc::Rc;

use crate::value::{Frame, Object, TensorMeta, Value};

/// Layers of the built-in model.
pub const LAYERS: usize = 200;
/// Width of the built-in model.
pub const WIDTH: i64 = 512;
/// Entries of the built-in vocabulary dict.
pub const VOCAB: usize = 1000;

fn tensor(shape: &[i64], dynamic: &[usize]) -> Rc<Value> {
    Rc::new(Value::Tensor(TensorMeta {
        shape: shape.to_vec(),
        dtype: "float32".into(),
        dynamic: dynamic.to_vec(),
    }))
}

fn object(class: &str, attrs: Vec<(&str, Rc<Value>)>) -> Rc<Value> {
    Rc::new(Value::Object(Object::new(
        class.into(),
        attrs
            .into_iter()
            .map(|(name, value)| (name.into(), value))
            .collect(),
    )))
}

fn int(i: i64) -> Rc<Value> {
    Rc::new(Value::Int(i))
}

fn float(x: f64) -> Rc<Value> {
    Rc::new(Value::Float(x))
}

fn text(s: &str) -> Rc<Value> {
    Rc::new(Value::str(s))
}

fn boolean(b: bool) -> Rc<Value> {
    Rc::new(Value::Bool(b))
}

/// `nn.Linear(inputs, outputs)`: weight `[outputs, inputs]`, bias `[outputs]`.
fn linear(inputs: i64, outputs: i64) -> Rc<Value> {
    object(
        "Linear",
        vec![
            ("weight", tensor(&[outputs, inputs], &[])),
            ("bias", tensor(&[outputs], &[])),
            ("in_features", int(inputs)),
            ("out_features", int(outputs)),
        ],
    )
}

fn layer_norm(width: i64) -> Rc<Value> {
    object(
        "LayerNorm",
        vec![
            ("weight", tensor(&[width], &[])),
            ("bias", tensor(&[width], &[])),
            ("eps", float(1e-5)),
        ],
    )
}

fn block(index: usize) -> Rc<Value> {
    let activation = if index.is_multiple_of(2) {
        "gelu"
    } else {
        "relu"
    };
    object(
        "TransformerBlock",
        vec![
            (
                "attn",
                object(
                    "Attention",
                    vec![
                        ("q_proj", linear(WIDTH, WIDTH)),
                        ("k_proj", linear(WIDTH, WIDTH)),
                        ("v_proj", linear(WIDTH, WIDTH)),
                        ("o_proj", linear(WIDTH, WIDTH)),
                        ("num_heads", int(8)),
                        ("head_dim", int(WIDTH / 8)),
                        ("dropout", float(0.1)),
                    ],
                ),
            ),
            (
                "mlp",
                object(
                    "MLP",
                    vec![
                        ("fc1", linear(WIDTH, 4 * WIDTH)),
                        ("fc2", linear(4 * WIDTH, WIDTH)),
                        ("activation", text(activation)),
                    ],
                ),
            ),
            ("norm1", layer_norm(WIDTH)),
            ("norm2", layer_norm(WIDTH)),
            ("layer_idx", int(index as i64)),
            ("training", boolean(false)),
        ],
    )
}

/// The built-in frame: `self` (a 200-layer model), the input `x` with a
/// dynamic batch dim, a few scalars, and module globals including a
/// 1,000-entry vocabulary.
pub fn default_frame() -> Frame {
    model_frame(LAYERS, VOCAB)
}

/// Values of one layer of [`model_frame`].
pub const VALUES_PER_LAYER: usize = 49;

/// A frame like the built-in one with about `values` values (at least 4
/// layers, so the built-in program runs on it): for benchmarks and tests
/// at scale.
pub fn frame_of_about(values: usize) -> Frame {
    let fixed = model_frame(0, VOCAB).value_count();
    let layers = values.saturating_sub(fixed) / VALUES_PER_LAYER;
    model_frame(layers.max(4), VOCAB)
}

/// The built-in frame's shape with `layers` layers and `vocab` entries in
/// the vocabulary dict.
pub fn model_frame(layers: usize, vocab: usize) -> Frame {
    let layers: Vec<Rc<Value>> = (0..layers).map(block).collect();
    let model = object(
        "Transformer",
        vec![
            (
                "embed",
                object("Embedding", vec![("weight", tensor(&[32000, WIDTH], &[]))]),
            ),
            ("layers", Rc::new(Value::List(layers))),
            ("norm", layer_norm(WIDTH)),
            ("head", linear(WIDTH, 32000)),
            ("training", boolean(false)),
        ],
    );
    let vocab = (0..vocab)
        .map(|i| (Value::str(&format!("tok{i}")), int(i as i64)))
        .collect();
    let named = |pairs: Vec<(&str, Rc<Value>)>| {
        pairs
            .into_iter()
            .map(|(name, value)| (Rc::from(name), value))
            .collect()
    };
    Frame {
        locals: named(vec![
            ("self", model),
            ("x", tensor(&[32, WIDTH], &[0])),
            ("mask", Rc::new(Value::None)),
            ("step", int(1200)),
            ("lr", float(3e-4)),
            ("debug", boolean(false)),
        ]),
        globals: named(vec![
            ("SCALE", float(0.125)),
            ("LOG_EVERY", int(100)),
            (
                "F_gelu",
                Rc::new(Value::Function("torch.nn.functional.gelu".into())),
            ),
            ("F_relu", Rc::new(Value::Function("torch.relu".into()))),
            ("Linear", Rc::new(Value::Class("Linear".into()))),
            ("VOCAB", Rc::new(Value::Dict(vocab))),
        ]),
    }
}

/// The built-in program, traced over the built-in frame.
pub const DEFAULT_PROGRAM: &str = include_str!("default_program.txt");
