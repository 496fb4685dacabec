#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Write kgraph's man page or its bash completion from `kgraph --help`.

    kgraph --help | tools/help_to_docs.py man VERSION > kgraph.1
    kgraph --help | tools/help_to_docs.py bash > kgraph.bash

The help text is the one option table: the man page and the completion are made from it at
build time (apps/CMakeLists.txt), so none of the three can drift from the others.

What the help text must look like (apps/kgraph/cli.cpp): "usage:" lines first; paragraphs;
section headings ending in ":" at column 0 ("options:", "diagram options (...):", "limits
(...):", "output: ...", "exit status: ..."); option lines at column 2 starting with "-",
the description from the column after two spaces; continuation lines indented further.
"""
import re
import sys

OPTION = re.compile(r"^ {2,8}(-[^ ].*?)(?:\s{2,}(.*))?$")
HEADING = re.compile(r"^([a-z][a-z ]*(?:\([^)]*\))?):\s*(.*)$")


def parse(text):
    """-> (usage lines, [(heading, intro, [(option spec, description)] | paragraphs)])."""
    lines = text.rstrip("\n").split("\n")
    usage = []
    i = 0
    while i < len(lines) and (lines[i].startswith("usage:") or (usage and lines[i].startswith("       "))):
        usage.append(lines[i].replace("usage:", "", 1).strip())
        i += 1
    sections = [["description", "", [], []]]  # heading, intro, options, paragraphs
    paragraph = []
    in_intro = False

    def flush():
        if paragraph:
            sections[-1][3].append(" ".join(paragraph))
            paragraph.clear()

    for line in lines[i:]:
        if not line.strip():
            flush()
            in_intro = False
            continue
        m = HEADING.match(line)
        if m and not line.startswith(" "):
            flush()
            sections.append([m.group(1), m.group(2), [], []])
            in_intro = bool(m.group(2))
            continue
        o = OPTION.match(line)
        if o:
            in_intro = False
            flush()
            sections[-1][2].append([o.group(1).strip(), (o.group(2) or "").strip()])
            continue
        if line.startswith("   ") and sections[-1][2]:
            spec, desc = sections[-1][2][-1]
            sections[-1][2][-1][1] = (desc + " " + line.strip()).strip()
            continue
        if in_intro or (line.startswith("   ") and sections[-1][1]):
            sections[-1][1] += " " + line.strip()
            continue
        paragraph.append(line.strip())
    flush()
    return usage, sections


def roff(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return re.sub(r"^([.'])", r"\\&\1", text)


def man(text, version):
    usage, sections = parse(text)
    out = [
        '.TH KGRAPH 1 "" "kgraph %s" "User Commands"' % version,
        ".SH NAME",
        "kgraph \\- build knowledge graphs of who did what with whom from news articles",
        ".SH SYNOPSIS",
    ]
    for u in usage:
        out += [".nf", roff(u), ".fi"]
    commands = {u.split()[1] for u in usage if len(u.split()) > 1}
    for heading, intro, options, paragraphs in sections:
        if heading in commands:  # a command's paragraph: a subsection of DESCRIPTION
            out.append(".SS " + roff(heading))
        else:
            out.append(".SH " + roff("DESCRIPTION" if heading == "description" else heading.upper()))
        if intro:
            out.append(roff(intro))
        for p in paragraphs:
            out += [".PP", roff(p)]
        for spec, desc in options:
            out += [".TP", "\\fB" + roff(spec) + "\\fR", roff(desc)]
    out += [".SH SEE ALSO", "README.md in /usr/share/doc/kgraph; ontology/README.md for the ontology files."]
    return "\n".join(out) + "\n"


def bash(text):
    usage, sections = parse(text)
    commands = sorted({u.split()[1] for u in usage if len(u.split()) > 1})
    flags, takes_value, values = [], [], {}
    for _, _, options, _ in sections:
        for spec, desc in options:
            names = re.findall(r"(--?[A-Za-z][\w-]*)", spec.split(" ")[0] + " " + " ".join(
                w for w in spec.split() if w.startswith("-")))
            argument = re.search(r"(?:^|[ ,])--?[\w-]+[ =]([A-Z][A-Z0-9=,.\[\]]*)", spec)
            for n in dict.fromkeys(names):
                flags.append(n)
                if argument:
                    takes_value.append(n)
            choices = None
            m = re.search(r"available: ([\w,]+)", desc)
            if m:
                choices = m.group(1).split(",")
            else:
                m = re.search(r"^(?:[\w ]+: )?((?:[a-z0-9]+ \(default[^)]*\), )?(?:[a-z0-9]+(?: \([^)]*\))?, )+(?:or )?[a-z0-9]+)", desc)
                if m and argument and argument.group(1) in ("CODE", "ENGINE", "F", "SIZE"):
                    choices = [re.sub(r" \(.*", "", c).replace("or ", "") for c in re.split(r",\s*(?![^()]*\))", m.group(1))]
            if choices:
                for n in names:
                    values[n] = [c for c in choices if c]
    lines = [
        "# bash completion for kgraph, made from `kgraph --help` by tools/help_to_docs.py",
        "_kgraph() {",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
        "    if [[ $COMP_CWORD -eq 1 ]]; then",
        '        COMPREPLY=($(compgen -W "%s --help --version" -- "$cur"))' % " ".join(commands),
        "        return",
        "    fi",
        '    case "$prev" in',
    ]
    for name, choices in sorted(values.items()):
        lines += ['        %s) COMPREPLY=($(compgen -W "%s" -- "$cur")); return ;;' % (name, " ".join(choices))]
    dirs = [n for n in takes_value if n in ("-o", "--out", "--ontology")]
    if dirs:
        lines += ['        %s) COMPREPLY=($(compgen -d -- "$cur")); return ;;' % "|".join(dirs)]
    others = [n for n in takes_value if n not in values and n not in dirs]
    if others:
        lines += ["        %s) return ;;" % "|".join(others)]
    lines += [
        "    esac",
        '    if [[ $cur == -* ]]; then',
        '        COMPREPLY=($(compgen -W "%s" -- "$cur"))' % " ".join(dict.fromkeys(flags)),
        "    else",
        '        COMPREPLY=($(compgen -f -- "$cur"))',
        "    fi",
        "}",
        "complete -o filenames -F _kgraph kgraph",
    ]
    return "\n".join(lines) + "\n"


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("man", "bash"):
        sys.exit("usage: kgraph --help | help_to_docs.py man VERSION | bash")
    text = sys.stdin.read()
    if not text.startswith("usage:"):
        sys.exit("help_to_docs.py: standard input is not kgraph --help")
    sys.stdout.write(man(text, sys.argv[2] if len(sys.argv) > 2 else "") if sys.argv[1] == "man" else bash(text))


if __name__ == "__main__":
    main()
