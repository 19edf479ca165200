"""The command line: `python -m discourse load` prints a summary; errors exit 2 with a message."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from discourse.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_load_prints_summary(sichuan_dir, tmp_path, capsys):
    status = main(["load", str(sichuan_dir), "--cache-dir", str(tmp_path / "cache")])
    out = capsys.readouterr().out
    assert status == 0
    assert "5 documents" in out
    assert "Years: 2020 (1), 2023 (1), 2024 (2), 2025 (1)" in out
    assert "en+zh" in out  # the bilingual document
    assert "skipped   metadata.csv: manifest" in out
    assert "Wang Xiaohui" in out and "meeting" in out


def test_load_reports_skipped_files_with_reasons(tmp_path, capsys):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "2021-Li.txt").write_text("Li Ming stressed that we must expand trade.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 \x00\x01")
    status = main(["load", str(folder), "--no-cache", "--pattern", r"(?P<year>\d{4})-(?P<speaker>\w+)"])
    captured = capsys.readouterr()
    assert status == 0
    assert "1 documents" in captured.out
    assert "empty.txt: empty file" in captured.out
    assert "scan.pdf" in captured.out and "unsupported file type" in captured.out


def test_load_can_switch_transcripts_off(tmp_path, capsys):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "2026-debate.txt").write_text("Mr Speaker: Order.\nDr Ann Lee: I rise to speak.\n", encoding="utf-8")
    assert main(["load", str(folder), "--no-cache"]) == 0
    assert "Voices (sentences): Speaker 1, Ann Lee 1" in capsys.readouterr().out
    assert main(["load", str(folder), "--no-cache", "--no-turns"]) == 0
    assert "Voices (sentences): narrator 2" in capsys.readouterr().out


def test_missing_folder_is_a_clear_error(tmp_path, capsys):
    status = main(["load", str(tmp_path / "nowhere"), "--no-cache"])
    err = capsys.readouterr().err
    assert status == 2
    assert "error:" in err and "nowhere" in err


def test_module_entry_point_runs():
    done = subprocess.run([sys.executable, "-m", "discourse", "--version"], capture_output=True,
                          text=True, cwd=ROOT)
    assert done.returncode == 0
    assert done.stdout.startswith("discourse ")


def test_load_takes_the_cleaning_steps(capsys, tmp_path):
    from discourse.cli import main

    (tmp_path / "2020-a.txt").write_text("Home\nNews\nAbout us\nContact\nThe plan is ready.", encoding="utf-8")
    assert main(["load", str(tmp_path), "--no-cache", "--clean", "rules,metadata"]) == 0
    assert "Removed by cleaning" not in capsys.readouterr().out.replace("blank line", "")
    assert main(["load", str(tmp_path), "--no-cache"]) == 0
    assert "navigation menu 4 (5 tokens)" in capsys.readouterr().out
    assert main(["load", str(tmp_path), "--clean", "menu"]) == 2
    assert "unknown step 'menu'" in capsys.readouterr().err
