#!/usr/bin/env bash
# Regenerate docs/cli.md from the commands' --help (tests/test_docs.py checks every command and option
# is in it).
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo "# CLI reference"
  echo
  echo "Generated from \`dyad COMMAND --help\` by \`docs/gen_cli.sh\`. Every command that reads the store takes"
  echo "\`--db\` (a SQLAlchemy URL or a SQLite path) and \`--config\` (a TOML file). Errors print one line and exit 2;"
  echo "\`dyad ingest\` exits 1 when any file failed (3 when all were stored but some with a warning, listed by"
  echo "\`dyad errors\`), \`dyad check\` exits 1 when the store is not consistent, \`dyad eval --floors\` exits 1 when a"
  echo "score is below its floor."
  echo
  echo "Only \`dyad ingest\` (and \`dyad demo\`, in its own folder) create a store: any other command given a SQLite"
  echo "path that does not exist says so and exits 2. \`--dyad\` takes ISO codes or country names and adjectives"
  echo "(\`PER,RUS\`, \`peru-russia\`, \`Peruvian,Russian\`); without it, a listing of a store that holds several pairs"
  echo "shows the main pair (the one most events are about) and says so on stderr; \`--dyad all\` shows every pair."
  echo "Messages go to stderr, so \`--json\` output stays parseable. \`dyad --version\` prints the version."
  echo
  echo "## Settings"
  echo
  echo "Package defaults (\`src/dyad/defaults.toml\`) < config file (\`./dyad.toml\` or \`DYAD_CONFIG\`) <"
  echo "environment < command-line flags."
  echo
  echo "| setting | env | default | meaning |"
  echo "|---|---|---|---|"
  echo "| \`db\` | \`DYAD_DB\` | \`dyad.db\` | the store: a SQLAlchemy URL, or a path for a SQLite file |"
  echo "| \`workers\` | \`DYAD_WORKERS\` | \`0\` | worker processes for the per-document stages; 0 = one per core |"
  echo "| \`max_bytes\` | \`DYAD_MAX_BYTES\` | \`52428800\` | files larger than this are refused with a reason |"
  echo "| \`dyad\` | \`DYAD_DYAD\` | empty | the pair every document is read for (\`PER,RUS\`) and listings show without \`--dyad\`; empty = each document's two most mentioned countries |"
  echo "| \`knowledge_dirs\` | \`DYAD_KNOWLEDGE_DIRS\` | empty | extra folders of knowledge TSV files (\`:\`-separated in the env) |"
  echo "| \`dask\` | \`DYAD_DASK\` | empty | \`dyad ingest\` on Dask: \`local\` (a LocalCluster of \`workers\` processes) or a scheduler address (\`tcp://host:8786\`); see [scale.md](scale.md) |"
  echo "| \`upload_max_files\` | \`DYAD_UPLOAD_MAX_FILES\` | \`100\` | \`dyad serve --allow-ingest\`: files in one upload; the whole upload is at most \`max_bytes\` |"
  echo
  for c in $(dyad --help | awk '/Commands/{on=1;next} on && /^│ [a-z]/{print $2}'); do
    echo "## dyad $c"
    echo
    echo '```text'
    COLUMNS=100 dyad "$c" --help | sed 's/[[:space:]]*$//' | sed '/^$/N;/^\n$/D'
    echo '```'
    echo
  done
} > docs/cli.md
