"""What the build tells the person running it without stopping: reviews that are due."""

import datetime as dt


def test_a_review_due_soon_is_a_build_warning_that_does_not_stop_it(project, tmp_path, policy):
    soon = dt.date.today() + dt.timedelta(days=30)
    project.replace("policy_source/social-media/policy.md",
                    f"next_review: {policy.meta.next_review}", f"next_review: {soon}")
    result = project.build(tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert (f"WARNING -  Review due soon: {policy.meta.title} (social-media) is due for review "
            f"on {soon.day} {soon:%B %Y}, in 30 days.") in output
    page = (tmp_path / "site" / "social-media" / "faqs" / "index.html").read_text()
    assert "(review due soon)" in page
