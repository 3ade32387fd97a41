"""argparse's help formatters: how usage, help and error text are laid out.

Kept apart from argparse.py for size; argparse imports them after defining the names imported
below, so the partly initialized module has them.
"""

import os as _os
import re as _re
from argparse import ONE_OR_MORE, OPTIONAL, PARSER, REMAINDER, SUPPRESS, ZERO_OR_MORE


def _terminal_width():
    try:
        columns = int(_os.environ["COLUMNS"])
        if columns > 0:
            return columns
    except (KeyError, ValueError):
        pass
    return 80


class HelpFormatter:
    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:
            width = _terminal_width() - 2
        self._prog = prog
        self._indent_increment = indent_increment
        self._max_help_position = min(max_help_position, max(width - 20, indent_increment * 2))
        self._width = width
        self._whitespace_matcher = _re.compile(r"\s+", _re.ASCII)

    # -- text
    def _split_lines(self, text, width):
        import textwrap
        text = self._whitespace_matcher.sub(" ", text).strip()
        return textwrap.wrap(text, width)

    def _fill_text(self, text, width, indent):
        import textwrap
        text = self._whitespace_matcher.sub(" ", text).strip()
        return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent)

    def _get_help_string(self, action):
        return action.help

    def _expand_help(self, action):
        params = dict(vars(action), prog=self._prog)
        for name in list(params):
            if params[name] is SUPPRESS:
                del params[name]
        for name in list(params):
            if hasattr(params[name], "__name__"):
                params[name] = params[name].__name__
        if params.get("choices") is not None:
            params["choices"] = ", ".join([str(c) for c in params["choices"]])
        return self._get_help_string(action) % params

    # -- metavars and arguments
    def _get_default_metavar_for_optional(self, action):
        return action.dest.upper()

    def _get_default_metavar_for_positional(self, action):
        return action.dest

    def _metavar_formatter(self, action, default_metavar):
        if action.metavar is not None:
            result = action.metavar
        elif action.choices is not None:
            result = "{%s}" % ",".join(map(str, action.choices))
        else:
            result = default_metavar

        def format(tuple_size):
            if isinstance(result, tuple):
                return result
            return (result,) * tuple_size
        return format

    def _format_args(self, action, default_metavar):
        get_metavar = self._metavar_formatter(action, default_metavar)
        nargs = action.nargs
        if nargs is None:
            return "%s" % get_metavar(1)
        if nargs == OPTIONAL:
            return "[%s]" % get_metavar(1)
        if nargs == ZERO_OR_MORE:
            metavar = get_metavar(1)
            return "[%s [%s ...]]" % metavar if len(metavar) == 2 else "[%s ...]" % metavar
        if nargs == ONE_OR_MORE:
            return "%s [%s ...]" % get_metavar(2)
        if nargs == REMAINDER:
            return "..."
        if nargs == PARSER:
            return "%s ..." % get_metavar(1)
        if nargs == SUPPRESS:
            return ""
        try:
            formats = ["%s" for _ in range(nargs)]
        except TypeError:
            raise ValueError("invalid nargs value") from None
        return " ".join(formats) % get_metavar(nargs)

    def _format_action_invocation(self, action):
        if not action.option_strings:
            default = self._get_default_metavar_for_positional(action)
            metavar, = self._metavar_formatter(action, default)(1)
            return metavar
        if action.nargs == 0:
            return ", ".join(action.option_strings)
        default = self._get_default_metavar_for_optional(action)
        args_string = self._format_args(action, default)
        return ", ".join(f"{s} {args_string}" for s in action.option_strings)

    # -- usage
    def _action_usage_part(self, action, in_group):
        if not action.option_strings:
            part = self._format_args(action, self._get_default_metavar_for_positional(action))
            if in_group and part[:1] == "[" and part[-1:] == "]":
                part = part[1:-1]
            return part
        option_string = action.option_strings[0]
        if action.nargs == 0:
            part = action.format_usage()
        else:
            args_string = self._format_args(action, self._get_default_metavar_for_optional(action))
            part = f"{option_string} {args_string}"
        if not action.required and not in_group:
            part = f"[{part}]"
        return part

    def _usage_parts(self, actions, groups):
        """The usage's words: one per action, one per mutually exclusive group."""
        grouped = {}
        for group in groups:
            members = [a for a in group._group_actions if a in actions]
            if members and all(a.help is not SUPPRESS for a in members):
                grouped[id(members[0])] = (group, members)
        skip = set()
        parts = []
        for action in actions:
            if id(action) in skip or action.help is SUPPRESS:
                continue
            entry = grouped.get(id(action))
            if entry is not None:
                group, members = entry
                for m in members:
                    skip.add(id(m))
                inner = " | ".join(self._action_usage_part(m, True) for m in members)
                parts.append(f"({inner})" if group.required else f"[{inner}]")
                continue
            part = self._action_usage_part(action, False)
            if part:
                parts.append(part)
        return parts

    def format_usage(self, usage, actions, groups, prefix="usage: "):
        prog = self._prog
        if usage is not None:
            return f"{prefix}{usage % dict(prog=prog)}\n\n"
        if not actions:
            return f"{prefix}{prog}\n\n"
        optionals = [a for a in actions if a.option_strings]
        positionals = [a for a in actions if not a.option_strings]
        opt_parts = self._usage_parts(optionals, groups)
        pos_parts = self._usage_parts(positionals, groups)
        text = " ".join([s for s in [prog] + opt_parts + pos_parts if s])
        text_width = self._width
        if len(prefix) + len(text) > text_width:
            # wrapped at the words CPython (3.11, 3.12) wraps at: a bracketed or parenthesized
            # group stays whole, an option and its argument may part
            part_regexp = r"\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+"
            opt_parts = _re.findall(part_regexp, " ".join(opt_parts))
            pos_parts = _re.findall(part_regexp, " ".join(pos_parts))

            def get_lines(parts, indent, prefix=None):
                lines = []
                line = []
                indent_length = len(indent)
                line_len = len(prefix) - 1 if prefix is not None else indent_length - 1
                for part in parts:
                    if line_len + 1 + len(part) > text_width and line:
                        lines.append(indent + " ".join(line))
                        line = []
                        line_len = indent_length - 1
                    line.append(part)
                    line_len += len(part) + 1
                if line:
                    lines.append(indent + " ".join(line))
                if prefix is not None:
                    lines[0] = lines[0][len(indent):]
                return lines
            if len(prefix) + len(prog) <= 0.75 * text_width:
                indent = " " * (len(prefix) + len(prog) + 1)
                if opt_parts:
                    lines = get_lines([prog] + opt_parts, indent, prefix)
                    lines.extend(get_lines(pos_parts, indent))
                elif pos_parts:
                    lines = get_lines([prog] + pos_parts, indent, prefix)
                else:
                    lines = [prog]
            else:
                indent = " " * len(prefix)
                parts = opt_parts + pos_parts
                lines = get_lines(parts, indent)
                if len(lines) > 1:
                    lines = []
                    lines.extend(get_lines(opt_parts, indent))
                    lines.extend(get_lines(pos_parts, indent))
                lines = [prog] + lines
            text = "\n".join(lines)
        return f"{prefix}{text}\n\n"

    # -- help
    def _invocation_lengths(self, action, indent):
        if action.help is SUPPRESS:
            return []
        out = [len(self._format_action_invocation(action)) + indent]
        for sub in getattr(action, "_get_subactions", lambda: [])():
            out.extend(self._invocation_lengths(sub, indent + self._indent_increment))
        return out

    def _format_action(self, action, indent, help_position):
        help_width = max(self._width - help_position, 11)
        action_width = help_position - indent - 2
        header = self._format_action_invocation(action)
        if not action.help:
            parts = [" " * indent + header + "\n"]
            indent_first = 0
        elif len(header) <= action_width:
            parts = [" " * indent + header.ljust(action_width) + "  "]
            indent_first = 0
        else:
            parts = [" " * indent + header + "\n"]
            indent_first = help_position
        if action.help and action.help.strip():
            help_lines = self._split_lines(self._expand_help(action), help_width)
            if help_lines:
                parts.append(" " * indent_first + help_lines[0] + "\n")
                for line in help_lines[1:]:
                    parts.append(" " * help_position + line + "\n")
        elif not parts[0].endswith("\n"):
            parts.append("\n")
        for sub in getattr(action, "_get_subactions", lambda: [])():
            parts.append(self._format_action(sub, indent + self._indent_increment, help_position))
        return "".join(parts)

    def format_help(self, parser):
        out = [self.format_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups)]
        if parser.description:
            out.append(self._fill_text(parser.description, self._width, "") + "\n\n")
        indent = self._indent_increment
        lengths = [0]
        for group in parser._action_groups:
            for action in group._group_actions:
                lengths.extend(self._invocation_lengths(action, indent))
        help_position = min(max(lengths) + 2, self._max_help_position)
        for group in parser._action_groups:
            actions = [a for a in group._group_actions if a.help is not SUPPRESS]
            if not actions and not group.description:
                continue
            section = [f"{group.title}:\n"] if group.title else []
            if group.description:
                section.append(self._fill_text(group.description, self._width - indent, " " * indent) + "\n\n")
            for action in actions:
                section.append(self._format_action(action, indent, help_position))
            out.append("".join(section) + "\n")
        if parser.epilog:
            out.append(self._fill_text(parser.epilog, self._width, "") + "\n\n")
        text = "".join(out)
        text = _re.sub(r"\n\n\n+", "\n\n", text)
        return text.strip("\n") + "\n"


class RawDescriptionHelpFormatter(HelpFormatter):
    def _fill_text(self, text, width, indent):
        return "".join(indent + line for line in text.splitlines(keepends=True))


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    def _split_lines(self, text, width):
        return text.splitlines()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    def _get_help_string(self, action):
        help = action.help
        if help is None:
            help = ""
        if "%(default)" not in help and action.default is not SUPPRESS:
            if action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE):
                help += " (default: %(default)s)"
        return help


class MetavarTypeHelpFormatter(HelpFormatter):
    def _get_default_metavar_for_optional(self, action):
        return action.type.__name__

    def _get_default_metavar_for_positional(self, action):
        return action.type.__name__
