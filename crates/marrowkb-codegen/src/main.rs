//! `cargo run -p marrowkb-codegen [-- --check] [--data DIR] [--out DIR] [--c-out DIR]`: regenerate (or
//! check) `crates/marrowkb/src/generated/` and `bindings/c/src/generated/` from `crates/marrowkb/data/`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let check = args.iter().any(|a| a == "--check");
    let value = |flag: &str| {
        args.windows(2)
            .find(|w| w[0] == flag)
            .map(|w| std::path::PathBuf::from(&w[1]))
    };
    let data = value("--data").unwrap_or_else(marrowkb_codegen::default_data_dir);
    let out = value("--out").unwrap_or_else(marrowkb_codegen::default_output_dir);
    let c_out = value("--c-out").unwrap_or_else(marrowkb_codegen::default_c_output_dir);
    let files = match marrowkb_codegen::generate(&data) {
        Ok(files) => files,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::FAILURE;
        }
    };
    let mut stale = Vec::new();
    for file in &files {
        let dir = match file.target {
            marrowkb_codegen::Target::Core => &out,
            marrowkb_codegen::Target::CBinding => &c_out,
        };
        let path = dir.join(&file.name);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current == file.contents {
            continue;
        }
        if check {
            stale.push(file.name.clone());
        } else if let Err(err) = std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&path, &file.contents)) {
            eprintln!("error: {}: {err}", path.display());
            return ExitCode::FAILURE;
        } else {
            println!("wrote {}", path.display());
        }
    }
    if !stale.is_empty() {
        eprintln!(
            "generated code is stale, run `cargo run -p marrowkb-codegen`: {}",
            stale.join(", ")
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
