"""The one browser finder also finds Chrome, Chromium and Edge where their installers put them
on Windows, macOS and Linux (fake install trees; nothing is started)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mockplatform import browser


def _install(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    return path


def test_windows_edge_in_program_files_x86(tmp_path):
    env = {"ProgramFiles": str(tmp_path / "Program Files"),
           "ProgramFiles(x86)": str(tmp_path / "Program Files (x86)"),
           "LOCALAPPDATA": str(tmp_path / "Users/eva/AppData/Local")}
    assert browser.installed("win32", env, tmp_path) == []
    edge = _install(tmp_path / "Program Files (x86)/Microsoft/Edge/Application/msedge.exe")
    assert browser.installed("win32", env, tmp_path) == [edge]


def test_windows_chrome_per_user_in_localappdata(tmp_path):
    env = {"LOCALAPPDATA": str(tmp_path / "Local")}
    chrome = _install(tmp_path / "Local/Google/Chrome/Application/chrome.exe")
    assert browser.installed("win32", env, tmp_path) == [chrome]


def test_macos_applications_folders(tmp_path):
    home = tmp_path / "Users/eva"
    edge = _install(home / "Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge")
    assert browser.installed("darwin", {}, home, root=tmp_path) == [edge]
    chrome = _install(tmp_path / "Applications/Google Chrome.app/Contents/MacOS/Google Chrome")
    assert browser.installed("darwin", {}, home, root=tmp_path) == [chrome, edge]


def test_linux_opt_and_snap(tmp_path):
    edge = _install(tmp_path / "opt/microsoft/msedge/msedge")
    assert browser.installed("linux", {}, tmp_path, root=tmp_path) == [edge]


@pytest.fixture
def nothing_else(monkeypatch):
    monkeypatch.delenv(browser.ENV_VAR, raising=False)
    monkeypatch.setattr(browser, "_playwright_chromium", lambda: None)
    monkeypatch.setattr(browser.shutil, "which", lambda name: None)


def test_find_browser_falls_back_to_an_installed_edge(tmp_path, monkeypatch, nothing_else):
    env = {"ProgramFiles(x86)": str(tmp_path / "pf86")}
    edge = _install(tmp_path / "pf86/Microsoft/Edge/Application/msedge.exe")
    monkeypatch.setattr(browser.sys, "platform", "win32")
    monkeypatch.setattr(browser.os, "environ", env)
    found = browser.find_browser()
    assert found == browser.Browser(str(edge), "system")
    assert found.launch_args()["executable_path"] == str(edge)


def test_nothing_anywhere_is_a_clear_swedish_message(tmp_path, monkeypatch, nothing_else):
    monkeypatch.setattr(browser.sys, "platform", "win32")
    monkeypatch.setattr(browser.os, "environ", {"LOCALAPPDATA": str(tmp_path)})
    with pytest.raises(browser.BrowserNotFound, match="Ingen Chromium, Chrome eller Edge hittades"):
        browser.find_browser()
