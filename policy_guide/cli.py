"""`policy-guide`: one command for every job, with a subcommand each; the Makefile calls it
(`make check` runs `policy-guide check`). Each subcommand reads its options, calls the layer
that does the work, and says what happened, or what is wrong and how to fix it, in words a
policy owner understands, with exit status 1 (2 for a mistake in the command itself).

It works on the project in the current folder (mkdocs.yml and policy_source/), or the one
named with --project.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

import click

from .domain.errors import SourceError, quoted_list, reading_project
from .domain.loader import SETTINGS_FILE, SOURCE_FOLDER, load_library
from .domain.versions import VERSION

if TYPE_CHECKING:
    from .importing.importer import Imported

#: What `check` prints before each review, by its state.
REVIEW_LABELS = {"current": "Review:", "due soon": "Warning: review due soon:",
                 "overdue": "Warning: review overdue:"}


def _count(number: int, thing: str) -> str:
    """'1 question', '19 questions'."""
    return f"{number} {thing}{'' if number == 1 else 's'}"


# -- reading the command line -----------------------------------------------------------------

class IsoDate(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.fail(f"'{value}' is not a date written YYYY-MM-DD, such as 2027-01-15",
                      param, ctx)


class VersionNumber(click.ParamType):
    name = "VERSION"

    def convert(self, value, param, ctx) -> str:
        if not VERSION.fullmatch(value):
            self.fail(f"'{value}' is not a version number. Use numbers and dots, such as 1.1",
                      param, ctx)
        return value


class Words(click.ParamType):
    name = "TEXT"

    def convert(self, value, param, ctx) -> str:
        value = " ".join(value.split())
        if not value:
            self.fail("it is empty", param, ctx)
        return value


DATE, NUMBER, WORDS = IsoDate(), VersionNumber(), Words()


def _fail(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(1)


def _project(ctx: click.Context) -> Path:
    return ctx.obj


@contextlib.contextmanager
def _built_site(project: Path, site_dir: Path | None, failed: str | None = None
                ) -> Iterator[Path]:
    """`site_dir` if given (a site already built), else the library built strictly into a
    scratch folder removed afterwards; a failed build stops the command (saying `failed`,
    after the build's own message)."""
    from .site.build import build as build_site

    if site_dir is not None:
        yield site_dir
        return
    with tempfile.TemporaryDirectory(prefix="site-") as scratch:
        site = Path(scratch) / "site"
        if build_site(project, site) != 0:
            if failed:
                _fail(failed)
            sys.exit(1)
        yield site


def _optional(value: str | None) -> str | None:
    """An option the Makefile passes empty when it is not given (POLICY=)."""
    return value.strip() or None if value is not None else None


def _answer(make: Callable[[], str]) -> None:
    """For the commands that answer a question about the policies: the answer, or what is
    wrong (in the sources, or in the question)."""
    from .domain.release import ReleaseError

    try:
        click.echo(make())
    except SourceError as error:
        _fail(f"Problem found in {error}")
    except ReleaseError as error:
        _fail(str(error))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--project", type=click.Path(file_okay=False, path_type=Path), default=".",
              help="the project folder (default: the current folder)")
@click.pass_context
def main(ctx: click.Context, project: Path) -> None:
    """The council's policy guide: every job, from checking a change to publishing it."""
    ctx.obj = project.resolve()


# -- checking and building --------------------------------------------------------------------

@main.command()
@click.option("--today", type=DATE, default=dt.date.today, help="check review dates as on this day")
@click.pass_context
def check(ctx: click.Context, today: dt.date) -> None:
    """Check every policy source without building the site (make check).

    One line per policy when all is well, then where each stands against its review date;
    status 1 at the first problem in a source, or for an overdue review library.yml does
    not allow."""
    from .domain.review import (permission_line, reviews, stale_permission_problem,
                                stale_permissions)

    source = _project(ctx) / SOURCE_FOLDER
    try:
        library = load_library(source)
    except SourceError as error:
        _fail(f"Problem found in {error}")
    for slug, policy in library.policies.items():
        meta = policy.meta
        click.echo(f"{slug}: {meta.title} version {meta.version} ({meta.status}) is valid: "
                   f"{_count(len(policy.sections), 'section')}, "
                   f"{_count(len(policy.rules.rules), 'rule')}, "
                   f"{_count(len(policy.faqs.items), 'question')}.")
        if policy.unfinished:
            click.echo(f"  Still to write before it can be approved "
                       f"({_count(len(policy.unfinished), 'place')}):")
            with reading_project(source.parent):
                for item in policy.unfinished:
                    click.echo(f"    - {item.describe()}")
    found = reviews(library, today)
    stale = stale_permissions(found)
    if stale:
        settings = source / SETTINGS_FILE
        line = permission_line(settings.read_text(encoding="utf-8"), stale[0].policy.slug)
        with reading_project(source.parent):
            error = SourceError(settings, *stale_permission_problem(stale[0]), line)
        _fail(f"Problem found in {error}")
    blocked = []
    for review in found:
        if review.blocks_checks:
            blocked.append(review)
        else:
            click.echo(f"{REVIEW_LABELS[review.state.value]} {review.describe()}")
    for review in blocked:
        click.echo(
            f"Problem found: the review is overdue.\n  {review.describe()}\n"
            f"  How to fix: release the reviewed version with a new next review date "
            f"(make release ... NEXT_REVIEW=YYYY-MM-DD), or, while the review is arranged, "
            f"add '{review.policy.slug}' under 'review: allow_overdue:' in "
            f"{SOURCE_FOLDER}/{SETTINGS_FILE} with the reason.", err=True)
    if blocked:
        sys.exit(1)


@main.command()
@click.option("--site-dir", type=click.Path(path_type=Path), default=Path("site"),
              help="where to build (default: site/)")
@click.option("--jobs", type=int, default=None,
              help="processes that build at once, each a share of the policies")
@click.pass_context
def build(ctx: click.Context, site_dir: Path, jobs: int | None) -> None:
    """Build the site strictly into site/, all or nothing, every link checked (make build)."""
    from .site.build import JOBS, build as build_site

    project = _project(ctx)
    returncode = build_site(project, project / site_dir, jobs or JOBS)
    if returncode:
        sys.exit(returncode)


@main.command("plain-english")
@click.option("--site-dir", type=click.Path(path_type=Path), help="a site already built")
@click.pass_context
def plain_english(ctx: click.Context, site_dir: Path | None) -> None:
    """Score every page for plain English and list its hardest sentences."""
    from .site.plain_english import site_reports

    project = _project(ctx)
    try:
        settings = load_library(project / SOURCE_FOLDER).settings.plain_english
    except SourceError as error:
        _fail(f"Problem found in {error}")
    with _built_site(project, site_dir) as site:
        reports = site_reports(site, settings)
    failing = [report for report in reports if report.problems]
    for report in reports:
        click.echo(report.describe())
    click.echo(f"\n{len(reports) - len(failing)} of {len(reports)} pages meet the plain "
               f"English settings in {SOURCE_FOLDER}/{SETTINGS_FILE}.")
    if failing:
        sys.exit(1)


@main.command("search-quality")
@click.option("--questions", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("tests/search/questions.yml"),
              help="the questions, each with its right answers")
@click.option("--site-dir", type=click.Path(path_type=Path), help="a site already built")
@click.pass_context
def search_quality(ctx: click.Context, questions: Path, site_dir: Path | None) -> None:
    """Ask search every question staff might type, in a real browser, and print the score
    and each miss with what came first instead (make search-quality)."""
    from playwright.sync_api import sync_playwright

    from .site.search_quality import TARGET, QuestionsError, ask_all, load_questions, report
    from .site.search_quality import score as score_of
    from .tools.browser import BrowserMissing, find_chromium, launch, serve_folder

    project = _project(ctx)
    try:
        asked = load_questions(project / questions)
        chromium = find_chromium()
    except (QuestionsError, BrowserMissing) as error:
        _fail(str(error))
    with _built_site(project, site_dir) as site, serve_folder(site) as url, \
            sync_playwright() as playwright:
        browser = launch(playwright, chromium)
        try:
            answers = ask_all(browser, url, asked)
        finally:
            browser.close()
    click.echo(report(answers))
    if score_of(answers) < TARGET or any(answer.empty for answer in answers):
        sys.exit(1)


@main.command()
@click.option("--out", type=click.Path(path_type=Path), default=Path("pdf"),
              help="folder for the PDFs (default: pdf/)")
@click.option("--site-dir", type=click.Path(path_type=Path), help="an already built site to print")
@click.pass_context
def pdf(ctx: click.Context, out: Path, site_dir: Path | None) -> None:
    """Print each policy and its quick card to PDF (make pdf)."""
    from .publishing.pdf import PageMissing, print_all, printouts
    from .tools.browser import BrowserMissing, find_chromium

    project = _project(ctx)
    try:
        chromium = find_chromium()
        wanted = [printout for slug, policy in load_library(project / SOURCE_FOLDER)
                  .policies.items() for printout in printouts(policy, f"{slug}/")]
    except BrowserMissing as lacking:
        _fail(f"Cannot print PDFs: {lacking}")
    except SourceError as error:
        _fail(f"Problem found in {error}")
    with _built_site(project, site_dir,
                     "No PDFs were printed, because the site did not build.") as site:
        try:
            written = print_all(site.resolve(), (project / out).resolve(), wanted, chromium)
        except PageMissing as lacking:
            _fail(f"No PDFs were printed: {lacking}")
    for path in written:
        click.echo(f"Printed {path}")


# -- a policy's life: a new policy, a new version ------------------------------------------

@main.command("new-policy")
@click.argument("name")
@click.option("--title", help="the policy's name (default: from the folder name)")
@click.option("--owner", help="the role that owns the policy")
@click.option("--contact", help="the team or role staff should ask about the policy")
@click.option("--category", help="one of 'categories' in policy_source/library.yml "
              "(default: the first)")
@click.pass_context
def new_policy(ctx: click.Context, name: str, title: str | None, owner: str | None,
               contact: str | None, category: str | None) -> None:
    """Start a draft policy (make new-policy): its folder and its CODEOWNERS line."""
    from .domain.scaffold import DEFAULT_CONTACT, DEFAULT_OWNER, NewPolicy, ScaffoldError, scaffold

    project = _project(ctx)
    new = NewPolicy(name.strip(), _optional(title), _optional(owner) or DEFAULT_OWNER,
                    _optional(contact) or DEFAULT_CONTACT, _optional(category))
    try:
        made = scaffold(project, new, dt.date.today())
    except ScaffoldError as error:
        _fail(f"Could not start the policy. Problem found in the command:\n  {error}")
    except SourceError as error:
        _fail(f"Could not start the policy. Problem found in {error}")
    def chosen(given: str | None, how: str) -> str:
        return "" if _optional(given) else f" (chosen for you: {how})"

    click.echo(f"Started the {made.title} as a draft (version 0.1):\n"
               f"  Category: {made.category}"
               f"{chosen(category, 'the first in library.yml; give another with CATEGORY=')}\n"
               f"  Owner:    {made.owner}{chosen(owner, 'give another with OWNER=')}\n"
               f"  Contact:  {made.contact}{chosen(contact, 'give another with CONTACT=')}\n"
               "  (Each can also be changed later at the top of policy.md.)\n"
               f"  Changes to it are reviewed by {made.team} (.github/CODEOWNERS).\n"
               "Files written:")
    for path in made.files:
        click.echo(f"  {path.relative_to(project)}")
    folder = f"{SOURCE_FOLDER}/{new.name}/"
    click.echo(
        f"\nNext:\n"
        f"  1. Write the policy in {folder}: replace every '[To write: ...]' with your own "
        "words.\n"
        f"     'make check' lists what is still to write; 'make serve' shows it as staff "
        "will see it.\n"
        f"  2. Commit it and open a pull request: a draft is checked but not published.\n"
        f"  3. Once it is approved, record the decision with 'make release POLICY={new.name} "
        "VERSION=1.0 DATE=... DECIDED_BY=\"...\" SUMMARY=\"...\"',\n"
        "     then merge: CI publishes it. 'Changing the guide' explains each file.")


@main.command("import")
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option("--dir", "folder", type=click.Path(path_type=Path),
              help="import every Word file in this folder instead, each named from its title")
@click.option("--name", help="the new policy's folder name (default: from its title)")
@click.option("--title", help="the policy's name (default: the Word file's title)")
@click.option("--owner", help="the role that owns the policy (default: the Word file's)")
@click.option("--contact", help="the team or role staff should ask about the policy")
@click.option("--category", help="one of 'categories' in policy_source/library.yml")
@click.pass_context
def import_word(ctx: click.Context, file: Path | None, folder: Path | None, name: str | None,
                title: str | None, owner: str | None, contact: str | None,
                category: str | None) -> None:
    """Bring a Word policy in as a draft (make import FILE=... NAME=..., or DIR=...)."""
    from .importing.draft import Options
    from .importing.importer import NotImported, import_file, import_folder

    project = _project(ctx)
    file = file if file and str(file).strip() else None  # the Makefile passes FILE= empty
    folder = folder if folder and str(folder).strip() else None
    if bool(file) == bool(folder):
        _fail("Say which Word file to import, with FILE=path/to/policy.docx (and NAME=...), or "
              "which folder of Word files, with DIR=path/to/folder/.")
    options = Options(_optional(name), _optional(title), _optional(owner), _optional(contact),
                      _optional(category))
    today = dt.date.today()
    if file:
        try:
            done = import_file(project, file, options, today)
        except NotImported as error:
            _fail(f"Nothing was imported. Problem found with {file.name}:\n  {error}")
        _say_imported(project, done)
        return
    if not folder.is_dir():
        _fail(f"There is no folder at {folder}. Check the path (DIR=...).")
    if options.name or options.title:
        _fail("NAME= and TITLE= are for one file. With DIR=, each policy is named from its "
              "own title; rename a folder afterwards if you need to.")
    failed = imported = 0

    def progress(index: int, total: int, each: Path) -> None:
        click.echo(f"[{index}/{total}] {each.name} ... ", nl=False)

    for result in import_folder(project, folder, options, today, progress):
        if result.imported:
            imported += 1
            draft = result.imported.draft
            click.echo(f"imported as {SOURCE_FOLDER}/{result.imported.name}/ "
                       f"({_count(draft.sections, 'section')}, {_count(draft.clauses, 'clause')}; "
                       f"{_count(len(draft.notes), 'thing')} to check in "
                       f"{result.imported.report.relative_to(project)})")
        else:
            failed += 1
            click.echo(f"not imported: {result.problem}")
    others = (" Nothing was written for the others: fix each as it says, then import it on "
              "its own with FILE= and NAME=." if failed else "")
    click.echo(f"\nImported {imported} of {_count(imported + failed, 'file')} as drafts.{others}"
               "\nNext: work through each report, then run 'make check', which lists what is "
               "still to write in every draft.")
    if failed:
        sys.exit(1)


def _say_imported(project: Path, done: "Imported") -> None:
    draft = done.draft
    release = " ".join(f'{key}="{value}"' if " " in value or value == "..." else
                       f"{key}={value}" for key, value in draft.release.items())
    click.echo(f"Imported the {draft.title} as a draft (version {draft.version}) from Word:\n"
               f"  {_count(draft.sections, 'section')} and {_count(draft.clauses, 'clause')}; "
               f"numbers from {draft.numbering}.\n"
               f"  Changes to it are reviewed by {done.team} (.github/CODEOWNERS).\n"
               "Files written:")
    for path in done.files:
        click.echo(f"  {path.relative_to(project)}")
    click.echo(f"Import report (not published): {done.report.relative_to(project)}")
    if draft.notes:
        click.echo(f"  {_count(len(draft.notes), 'thing')} to check against the Word file, each "
                   "with the paragraph it came from.")
    click.echo("Still to write ('make check' lists each with its line):")
    for item in draft.to_write:
        click.echo(f"  - {item}")
    click.echo(
        f"\nNext:\n"
        f"  1. Work through the report, and write what is listed above. 'make serve' shows "
        "the draft as staff will see it.\n"
        f"  2. Delete the report, commit the folder and open a pull request: a draft is "
        "checked but not published.\n"
        f"  3. When it is finished, record the version the Word file holds with\n"
        f"     'make release POLICY={draft.name} {release} SUMMARY=\"...\"',\n"
        "     then merge: CI publishes it.")


@main.command()
@click.option("--version", "version", required=True, type=NUMBER,
              help="the new version number, such as 1.1 (make: VERSION=)")
@click.option("--date", required=True, type=DATE, help="the date of the decision (make: DATE=)")
@click.option("--decided-by", required=True, type=WORDS,
              help="the committee or role that decided (make: DECIDED_BY=)")
@click.option("--summary", required=True, type=WORDS,
              help="what changed, in a sentence or two (make: SUMMARY=)")
@click.option("--policy", help="the policy's folder name; needed only when the library has "
              "more than one policy (make: POLICY=)")
@click.option("--effective-from", type=DATE,
              help="the day the version takes effect, if later than the decision (make: "
              "EFFECTIVE=)")
@click.option("--next-review", type=DATE, help="when the next review is due; 2 years after the "
              "decision unless given (make: NEXT_REVIEW=)")
@click.pass_context
def release(ctx: click.Context, version: str, date: dt.date, decided_by: str, summary: str,
            policy: str | None, effective_from: dt.date | None,
            next_review: dt.date | None) -> None:
    """Record a new version of a policy in history.yml and its review dates (make release)."""
    from .domain.release import Release, ReleaseError, release as record

    request = Release(version, date, decided_by, summary, _optional(policy), effective_from,
                      next_review)
    try:
        released = record(request, _project(ctx) / SOURCE_FOLDER)
    except SourceError as error:
        _fail(f"Nothing was changed. The release would leave this problem:\n{error}")
    except ReleaseError as error:
        _fail(f"Nothing was changed. {error}")
    meta = released.policy.meta
    removed = (f"\n  Removed the permission for an overdue review of {released.policy.slug} "
               f"from {SOURCE_FOLDER}/{SETTINGS_FILE}: the review is no longer overdue."
               if released.permission_removed else "")
    click.echo(f"Recorded version {meta.version} of the {meta.title}, in force from "
               f"{meta.effective_from}, next review due {meta.next_review}.\n"
               f"  Updated {SOURCE_FOLDER}/{released.policy.slug}/history.yml and the review "
               f"dates in policy.md.{removed}\n"
               "  Next: check the wording changes are in policy.md, preview with 'make "
               "serve',\n  then commit and open a pull request. When it is merged, CI "
               f"publishes version {meta.version}\n  beside the earlier versions.")
    if released.references_changed:
        click.echo("\nWarning: other policies' published pages refer to clauses this release "
                   "changes. Their pages keep the words they were published with:")
        for change in released.references_changed:
            click.echo(f"  - {change[0].upper()}{change[1:]}")
        click.echo("  Tell each policy's owner: a new version of theirs brings its reference "
                   "up to date.")


# -- questions about the policies ------------------------------------------------------------

@main.command("in-force")
@click.argument("day", metavar="DATE", type=DATE)
@click.option("--policy", help="one policy's folder name (default: every policy)")
@click.option("--today", type=DATE, default=dt.date.today,
              help="the day to count as today: a later DATE is answered as future")
@click.pass_context
def in_force(ctx: click.Context, day: dt.date, policy: str | None, today: dt.date) -> None:
    """Which version of each policy applied on a day (or will apply, for a day to come),
    and where it is published."""
    from .domain.inforce import answer_for
    from .domain.published import tagged_versions
    from .domain.release import choose_policy

    project = _project(ctx)

    def answer() -> str:
        policies = load_library(project / SOURCE_FOLDER).policies
        chosen = ([choose_policy(policies, _optional(policy))] if _optional(policy) else
                  sorted(policies.values(), key=lambda found: found.meta.title))
        tags = tagged_versions(project)
        return "\n".join(answer_for(found, day, tags.get(found.slug, ()), today)
                         for found in chosen)

    _answer(answer)


@main.command()
@click.argument("policy")
@click.argument("earlier", metavar="FROM")
@click.argument("later", metavar="TO", required=False, default="")
@click.pass_context
def compare(ctx: click.Context, policy: str, earlier: str, later: str) -> None:
    """Every difference between two published versions of a policy (without TO, between
    FROM and the sources now): key facts, clauses, rules, questions and answers and the
    assessment, with [-removed-] and {+added+} words, as the comparison pages show them."""
    from .domain.compare import compare_policies, report
    from .domain.published import policy_at, tagged_versions
    from .domain.release import ReleaseError, choose_policy
    from .domain.versions import tag_name, version_key
    from .site.mkdocs import site_wording

    project = _project(ctx)

    def version_of(current, version: str, published: tuple[str, ...]):
        if version not in published:
            listed = quoted_list(published) if published else "none yet"
            raise ReleaseError(
                f"Version {version} of the {current.meta.title} has not been published (there "
                f"is no git tag {tag_name(current.slug, version)}). Published versions: "
                f"{listed}.")
        return policy_at(project, current.slug, version)

    def answer() -> str:
        if not earlier:
            raise ReleaseError("Say which version to compare from, for example FROM=1.0.")
        current = choose_policy(load_library(project / SOURCE_FOLDER).policies,
                                _optional(policy))
        published = tagged_versions(project).get(current.slug, ())
        old = version_of(current, earlier, published)
        new = version_of(current, later, published) if later else current
        if version_key(old.meta.version) > version_key(new.meta.version):
            old, new = new, old  # always earlier to later, as the pages show it
        wording = site_wording(project)
        return report(compare_policies(old, new, wording), current.meta.title, wording)

    _answer(answer)


# -- publishing -----------------------------------------------------------------------------------

@main.command()
@click.option("--policy", help="the policy's folder name (needed once there is more than one)")
@click.option("--version", "version", type=NUMBER,
              help="the version to announce (default: the version in the sources)")
@click.option("--base", default="", help="the guide's address on the intranet, such as "
              "https://intranet.example.gov.uk/policies/, so the email's links work")
@click.option("--out", default="announcements", help="the folder to write into")
@click.pass_context
def announce(ctx: click.Context, policy: str | None, version: str | None, base: str,
             out: str) -> None:
    """Write the staff bulletin item for a version (make announce POLICY=... VERSION=...)."""
    from .domain.release import ReleaseError, choose_policy
    from .publishing.announcement import (NotAnnounced, announcement_of, plain_english,
                                          write_announcement)

    project = _project(ctx)
    try:
        library = load_library(project / SOURCE_FOLDER)
        chosen = choose_policy(library.policies, _optional(policy))
        found = announcement_of(project, chosen, _optional(version))
    except SourceError as error:
        _fail(f"No announcement was written. Problem found in {error}")
    except (ReleaseError, NotAnnounced) as error:
        _fail(f"No announcement was written. {error}")
    hard = plain_english(found, library.settings.plain_english)
    if hard:
        _fail(f"No announcement was written: it is not plain enough for the bulletin.\n{hard}\n"
              "Its words come from the version's 'changes:' in history.yml: shorten the "
              "sentences there, then announce again.")
    folder = project / out / f"{found.slug}-{found.version}"
    written = write_announcement(found, folder, base.strip())
    click.echo(written.text)
    click.echo("Written (the .html files are for email: paste them into the bulletin):")
    for path in written.files:
        click.echo(f"  {path.relative_to(project) if path.is_relative_to(project) else path}")
    if not base.strip():
        click.echo("The links start at the top of the library. For an email, give the guide's "
                   "address: BASE=https://...")


@main.command("pr-summary")
@click.option("--base", required=True,
              help="the branch the change will be merged into, such as origin/main")
@click.option("--today", type=DATE, default=dt.date.today,
              help="say what a merge would do on this day (default: today)")
@click.option("--output", "out", type=click.Path(dir_okay=False, path_type=Path),
              help="the file to add the summary to (default: $GITHUB_STEP_SUMMARY if set, "
                   "else the screen)")
@click.pass_context
def pr_summary(ctx: click.Context, base: str, today: dt.date, out: Path | None) -> None:
    """For a pull request's reviewers: each policy it changes, compared with the version in
    force as readers will see it, and what merging would publish and when (Markdown)."""
    from .publishing.summary import pull_request_summary
    from .tools.git import GitError, resolve

    project = _project(ctx)
    if not resolve(project, base):
        _fail(f"There is no branch or commit called {base!r} here to compare with. Name the "
              "branch the change will be merged into, for example BASE=origin/main (fetch "
              "it first with 'git fetch origin main').")
    try:
        text = pull_request_summary(project, base, today)
    except SourceError as error:
        _fail(f"The policies in this change cannot be compared. Problem found in {error}")
    except GitError as error:
        _fail(f"The change cannot be compared with {base}. {error}")
    target = out or (Path(os.environ["GITHUB_STEP_SUMMARY"])
                     if os.environ.get("GITHUB_STEP_SUMMARY") else None)
    if target is None:
        click.echo(text)
        return
    with target.open("a", encoding="utf-8") as summary:
        summary.write(text + "\n")
    click.echo(f"The summary of the policies this change touches is in {target}.")


@main.command()
@click.option("--today", type=DATE, default=dt.date.today,
              help="publish as of this day (default: today)")
@click.option("--branch", default="gh-pages", help="the branch to publish to")
@click.option("--push", is_flag=True,
              help="push the branch and the new tags to the remote (CI does this)")
@click.option("--remote", default="origin")
@click.option("--base", default="", envvar="GUIDE_ADDRESS",
              help="the guide's address, for the links in each new version's announcement "
              "(or GUIDE_ADDRESS)")
@click.pass_context
def publish(ctx: click.Context, today: dt.date, branch: str, push: bool, remote: str,
            base: str) -> None:
    """Publish every new version of every policy, and move each current/ (make publish)."""
    from .publishing.errors import PublishError
    from .publishing.publish import publish as publish_library
    from .tools.git import GitError

    try:
        click.echo(publish_library(_project(ctx), branch, push, remote, today, base.strip()))
    except SourceError as error:
        _fail(f"Nothing was published. Problem found in {error}")
    except (PublishError, GitError) as error:
        _fail(f"Nothing was published. {error}")


@main.command()
@click.argument("folder", metavar="DIR")
@click.option("--base", default="/",
              help="the address path the folder is served from, such as /policies/")
@click.option("--branch", default="gh-pages")
@click.pass_context
def export(ctx: click.Context, folder: str, base: str, branch: str) -> None:
    """Write the published library as a folder for any web server (make export)."""
    from .publishing.export import ExportError, export as export_library, served_from

    if not folder.strip():
        raise click.UsageError("say which folder to write, for example: make export "
                               "DIR=/srv/policies")
    base = served_from(base)
    try:
        folders = export_library(_project(ctx), Path(folder), base, branch)
    except ExportError as error:
        _fail(f"Nothing was exported. {error}")
    click.echo(f"Exported the policy library ({len(folders)} published versions: "
               f"{', '.join(folders)}) to {folder}. Serve that folder at {base} on any web "
               "server.")


@main.command("export-public")
@click.argument("folder", metavar="DIR")
@click.option("--branch", default="gh-pages")
@click.pass_context
def export_public(ctx: click.Context, folder: str, branch: str) -> None:
    """Write the residents' house rules as a small site for the public website."""
    from .publishing.export_public import ExportError, export as export_rules

    if not folder.strip():
        raise click.UsageError("say which folder to write, for example: make export-public "
                               "DIR=/srv/house-rules")
    try:
        found = export_rules(_project(ctx), Path(folder), branch, dt.date.today())
    except (ExportError, SourceError) as error:
        _fail(f"Nothing was exported. {error}")
    named = ", ".join(f"{rules.policy.meta.title} {rules.policy.meta.version}"
                      for rules in found)
    click.echo(f"Exported the house rules for residents ({named}) to {folder}. Serve that "
               "folder on the Council's website; it needs nothing else.")


# -- files made from the library -------------------------------------------------------------

@main.command()
@click.option("--check", "check_only", is_flag=True,
              help="write nothing; exit 1 if CODEOWNERS is out of date")
@click.pass_context
def codeowners(ctx: click.Context, check_only: bool) -> None:
    """Rewrite .github/CODEOWNERS from each policy's owning team."""
    from .domain.codeowners import CODEOWNERS, codeowners_stale, write_codeowners

    project = _project(ctx)
    try:
        library = load_library(project / SOURCE_FOLDER)
    except SourceError as error:
        _fail(f"Problem found in {error}")
    if check_only:
        if codeowners_stale(project, library):
            _fail(f"{CODEOWNERS.as_posix()} does not match the policies' owning teams. Run "
                  "`make codeowners` and commit the result.")
        return
    write_codeowners(project, library)
    click.echo(f"Wrote {CODEOWNERS.as_posix()}")


@main.command()
@click.option("--check", "check_only", is_flag=True,
              help="write nothing; exit 1 if a schema is missing or out of date")
@click.pass_context
def schemas(ctx: click.Context, check_only: bool) -> None:
    """Rewrite the editor schemas in policy_source/schemas/ after a model change."""
    from .domain.schemas import SCHEMA_FOLDER, stale, write_schemas

    folder = _project(ctx) / SOURCE_FOLDER / SCHEMA_FOLDER
    if check_only:
        out_of_date = stale(folder)
        for name in out_of_date:
            click.echo(f"{SOURCE_FOLDER}/{SCHEMA_FOLDER}/{name} does not match the models in "
                       "policy_guide/domain/models.py. Run `make schemas` and commit the "
                       "result.", err=True)
        if out_of_date:
            sys.exit(1)
        return
    written = write_schemas(folder)
    click.echo(f"Wrote {len(written)} schemas to {SOURCE_FOLDER}/{SCHEMA_FOLDER}/")


@main.command("review-reminders")
@click.option("--today", type=DATE, default=dt.date.today)
@click.option("--dry-run", is_flag=True, help="print the reminders instead of opening issues")
@click.option("--gh", default="gh", help="the GitHub CLI to use")
@click.pass_context
def review_reminders(ctx: click.Context, today: dt.date, dry_run: bool, gh: str) -> None:
    """Open a GitHub issue for each review due soon or overdue (run weekly by CI)."""
    from .domain.review import ReviewState, issue_body, issue_title, reviews
    from .tools.github import open_issue, open_issue_titles

    try:
        library = load_library(_project(ctx) / SOURCE_FOLDER)
    except SourceError as error:
        _fail(f"Problem found in {error}")
    due = [review for review in reviews(library, today)
           if review.state is not ReviewState.CURRENT]
    if not due:
        click.echo("No policy is due for review.")
        return
    existing = set() if dry_run else open_issue_titles(gh)
    for review in due:
        title = issue_title(review)
        if title in existing:
            click.echo(f"Already open: {title}")
        elif dry_run:
            click.echo(f"Would open: {title}\n{issue_body(review)}\n")
        else:
            open_issue(title, issue_body(review), gh)
            click.echo(f"Opened: {title}")


@main.command()
@click.option("--sizes", type=int, multiple=True, help="library sizes, in policies (repeatable; "
              "default 20, 50, 100 and 200)")
@click.option("--repeat", type=int, default=1, help="builds per figure (median)")
@click.option("--faq-kb", type=int, multiple=True,
              help="sizes of the long questions page to time a build with (repeatable; "
              "default 256, 512 and 1024)")
@click.pass_context
def bench(ctx: click.Context, sizes: tuple[int, ...], repeat: int,
          faq_kb: tuple[int, ...]) -> None:
    """Time the build against plain Material, 20 to 200 real-length policies (make bench)."""
    from .bench import run_benchmark

    run_benchmark(_project(ctx), list(sizes) or [20, 50, 100, 200], repeat,
                  list(faq_kb) or [256, 512, 1024])
