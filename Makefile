# Shortcuts for the README's commands.
.PHONY: run test bench fuzz
run:
	bash scripts/run.sh
test:
	bash scripts/test.sh
bench:
	cargo bench --bench pipeline

fuzz:
	bash scripts/fuzz.sh
