# The two commands of README.md. Both install what is missing first (scripts/setup.sh).
.PHONY: setup run test typecheck bench-intake

setup:
	@scripts/setup.sh

run: setup
	npx tsx scripts/run.ts

typecheck: setup
	npx tsc --noEmit -p .

test: typecheck
	npx jest --ci

bench-intake: setup
	npm run bench:intake
