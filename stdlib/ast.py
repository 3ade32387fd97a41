"""Abstract syntax trees (Python's ast): parse() gives the tree of a program with CPython's node
classes and fields (Module, FunctionDef, Assign, Name, Constant, BinOp, Call...), built by the
interpreter's own parser (_ast); dump, literal_eval, walk, NodeVisitor, NodeTransformer and the
location helpers work on it. Nodes carry lineno and col_offset (not the end positions).
"""
import _ast
from _ml_text import text as _t

__all__ = ["AST", "parse", "dump", "literal_eval", "walk", "iter_fields", "iter_child_nodes",
           "NodeVisitor", "NodeTransformer", "copy_location", "fix_missing_locations",
           "increment_lineno", "get_docstring", "PyCF_ONLY_AST"]

PyCF_ONLY_AST = 1024


class AST:
    _fields = ()
    _attributes = ()

    def __init__(self, *args, **kwargs):
        if len(args) > len(self._fields):
            raise TypeError(_t("ast.too_many_positional", "{name} constructor takes at most {count} positional argument(s)",
                               name=type(self).__name__, count=len(self._fields)))
        for name, value in zip(self._fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __reduce__(self):
        return type(self), (), self.__dict__


# (name, base, fields, optional fields): CPython's node classes. Optional fields read as None
# when unset; every node of a class with location attributes has lineno, col_offset,
# end_lineno and end_col_offset.
_LOC = ("lineno", "col_offset", "end_lineno", "end_col_offset")
_NODES = [
    ("mod", "AST", "", ""), ("Module", "mod", "body type_ignores", ""), ("Interactive", "mod", "body", ""),
    ("Expression", "mod", "body", ""), ("FunctionType", "mod", "argtypes returns", ""),
    ("stmt", "AST", "", ""),
    ("FunctionDef", "stmt", "name args body decorator_list returns type_comment", "returns type_comment"),
    ("AsyncFunctionDef", "stmt", "name args body decorator_list returns type_comment", "returns type_comment"),
    ("ClassDef", "stmt", "name bases keywords body decorator_list", ""),
    ("Return", "stmt", "value", "value"), ("Delete", "stmt", "targets", ""),
    ("Assign", "stmt", "targets value type_comment", "type_comment"),
    ("AugAssign", "stmt", "target op value", ""),
    ("AnnAssign", "stmt", "target annotation value simple", "value"),
    ("For", "stmt", "target iter body orelse type_comment", "type_comment"),
    ("AsyncFor", "stmt", "target iter body orelse type_comment", "type_comment"),
    ("While", "stmt", "test body orelse", ""), ("If", "stmt", "test body orelse", ""),
    ("With", "stmt", "items body type_comment", "type_comment"),
    ("AsyncWith", "stmt", "items body type_comment", "type_comment"),
    ("Match", "stmt", "subject cases", ""), ("Raise", "stmt", "exc cause", "exc cause"),
    ("Try", "stmt", "body handlers orelse finalbody", ""),
    ("TryStar", "stmt", "body handlers orelse finalbody", ""),
    ("Assert", "stmt", "test msg", "msg"), ("Import", "stmt", "names", ""),
    ("ImportFrom", "stmt", "module names level", "module level"),
    ("Global", "stmt", "names", ""), ("Nonlocal", "stmt", "names", ""), ("Expr", "stmt", "value", ""),
    ("Pass", "stmt", "", ""), ("Break", "stmt", "", ""), ("Continue", "stmt", "", ""),
    ("expr", "AST", "", ""),
    ("BoolOp", "expr", "op values", ""), ("NamedExpr", "expr", "target value", ""),
    ("BinOp", "expr", "left op right", ""), ("UnaryOp", "expr", "op operand", ""),
    ("Lambda", "expr", "args body", ""), ("IfExp", "expr", "test body orelse", ""),
    ("Dict", "expr", "keys values", ""), ("Set", "expr", "elts", ""),
    ("ListComp", "expr", "elt generators", ""), ("SetComp", "expr", "elt generators", ""),
    ("DictComp", "expr", "key value generators", ""), ("GeneratorExp", "expr", "elt generators", ""),
    ("Await", "expr", "value", ""), ("Yield", "expr", "value", "value"), ("YieldFrom", "expr", "value", ""),
    ("Compare", "expr", "left ops comparators", ""), ("Call", "expr", "func args keywords", ""),
    ("FormattedValue", "expr", "value conversion format_spec", "format_spec"),
    ("JoinedStr", "expr", "values", ""), ("Constant", "expr", "value kind", "kind"),
    ("Attribute", "expr", "value attr ctx", ""), ("Subscript", "expr", "value slice ctx", ""),
    ("Starred", "expr", "value ctx", ""), ("Name", "expr", "id ctx", ""),
    ("List", "expr", "elts ctx", ""), ("Tuple", "expr", "elts ctx", ""),
    ("Slice", "expr", "lower upper step", "lower upper step"),
    ("expr_context", "AST", "", ""), ("Load", "expr_context", "", ""), ("Store", "expr_context", "", ""),
    ("Del", "expr_context", "", ""),
    ("boolop", "AST", "", ""), ("And", "boolop", "", ""), ("Or", "boolop", "", ""),
    ("operator", "AST", "", ""),
] + [(op, "operator", "", "") for op in
     "Add Sub Mult MatMult Div Mod Pow LShift RShift BitOr BitXor BitAnd FloorDiv".split()] + [
    ("unaryop", "AST", "", ""),
] + [(op, "unaryop", "", "") for op in "Invert Not UAdd USub".split()] + [
    ("cmpop", "AST", "", ""),
] + [(op, "cmpop", "", "") for op in "Eq NotEq Lt LtE Gt GtE Is IsNot In NotIn".split()] + [
    ("comprehension", "AST", "target iter ifs is_async", ""),
    ("excepthandler", "AST", "", ""), ("ExceptHandler", "excepthandler", "type name body", "type name"),
    ("arguments", "AST", "posonlyargs args vararg kwonlyargs kw_defaults kwarg defaults", "vararg kwarg"),
    ("arg", "AST", "arg annotation type_comment", "annotation type_comment"),
    ("keyword", "AST", "arg value", "arg"), ("alias", "AST", "name asname", "asname"),
    ("withitem", "AST", "context_expr optional_vars", "optional_vars"),
    ("match_case", "AST", "pattern guard body", "guard"),
    ("pattern", "AST", "", ""),
    ("MatchValue", "pattern", "value", ""), ("MatchSingleton", "pattern", "value", ""),
    ("MatchSequence", "pattern", "patterns", ""), ("MatchMapping", "pattern", "keys patterns rest", "rest"),
    ("MatchClass", "pattern", "cls patterns kwd_attrs kwd_patterns", ""),
    ("MatchStar", "pattern", "name", "name"), ("MatchAs", "pattern", "pattern name", "pattern name"),
    ("MatchOr", "pattern", "patterns", ""),
    ("type_ignore", "AST", "", ""), ("TypeIgnore", "type_ignore", "lineno tag", ""),
]
_WITH_LOC = {"stmt", "expr", "excepthandler", "arg", "keyword", "alias", "pattern"}

_classes = {"AST": AST}
for _name, _base, _fields, _optional in _NODES:
    _ns = {"__module__": "ast", "_fields": tuple(_fields.split())}
    if _name in _WITH_LOC or _base in _WITH_LOC:
        _ns["_attributes"] = _LOC
        _ns["end_lineno"] = None
        _ns["end_col_offset"] = None
    for _f in _optional.split():
        _ns[_f] = None
    _classes[_name] = type(_name, (_classes[_base],), _ns)
    globals()[_name] = _classes[_name]
del _name, _base, _fields, _optional, _ns


def parse(source, filename="<unknown>", mode="exec", *, type_comments=False, feature_version=None):
    """The tree of `source` (str or bytes): a Module ("exec"), an Expression ("eval", one
    expression) or an Interactive ("single"). A SyntaxError as compile() raises it."""
    if isinstance(source, (bytes, bytearray)):
        source = bytes(source).decode("utf-8")
    if isinstance(source, AST):
        return source
    return _ast.parse(source, str(filename), mode, _classes)


def literal_eval(node_or_string):
    """The value of a string (or an expression node) holding only a Python literal: strings,
    bytes, numbers, tuples, lists, dicts, sets, booleans and None (and + or - between numbers
    for complex literals). Anything else is a ValueError; unparsable text a SyntaxError."""
    if isinstance(node_or_string, str):
        node_or_string = parse(node_or_string.lstrip(" \t"), mode="eval")
    if isinstance(node_or_string, Expression):
        node_or_string = node_or_string.body

    def _raise_malformed_node(node):
        lno = getattr(node, "lineno", None)
        if lno:
            raise ValueError(_t("ast.malformed_on_line", "malformed node or string on line {line}: {node}",
                                line=lno, node=repr(node)))
        raise ValueError(_t("ast.malformed", "malformed node or string: {node}", node=repr(node)))

    def _convert_num(node):
        if not isinstance(node, Constant) or type(node.value) not in (int, float, complex):
            _raise_malformed_node(node)
        return node.value

    def _convert_signed_num(node):
        if isinstance(node, UnaryOp) and isinstance(node.op, (UAdd, USub)):
            operand = _convert_num(node.operand)
            if isinstance(node.op, UAdd):
                return + operand
            return - operand
        return _convert_num(node)

    def _convert(node):
        if isinstance(node, Constant):
            return node.value
        elif isinstance(node, Tuple):
            return tuple(map(_convert, node.elts))
        elif isinstance(node, List):
            return list(map(_convert, node.elts))
        elif isinstance(node, Set):
            return set(map(_convert, node.elts))
        elif (isinstance(node, Call) and isinstance(node.func, Name) and
              node.func.id == "set" and node.args == node.keywords == []):
            return set()
        elif isinstance(node, Dict):
            if len(node.keys) != len(node.values):
                _raise_malformed_node(node)
            return dict(zip(map(_convert, node.keys), map(_convert, node.values)))
        elif isinstance(node, BinOp) and isinstance(node.op, (Add, Sub)):
            left = _convert_signed_num(node.left)
            right = _convert_num(node.right)
            if isinstance(left, (int, float)) and isinstance(right, complex):
                if isinstance(node.op, Add):
                    return left + right
                return left - right
        return _convert_signed_num(node)

    return _convert(node_or_string)


def dump(node, annotate_fields=True, include_attributes=False, *, indent=None):
    """The tree as text, CPython's way: Module(body=[Expr(value=Constant(value=1))], ...)."""
    def _format(node, level=0):
        if indent is not None:
            level += 1
            prefix = "\n" + indent * level
            sep = ",\n" + indent * level
        else:
            prefix = ""
            sep = ", "
        if isinstance(node, AST):
            cls = type(node)
            args = []
            allsimple = True
            keywords = annotate_fields
            for name in node._fields:
                try:
                    value = getattr(node, name)
                except AttributeError:
                    keywords = True
                    continue
                if value is None and getattr(cls, name, ...) is None:
                    keywords = True
                    continue
                value, simple = _format(value, level)
                allsimple = allsimple and simple
                if keywords:
                    args.append("%s=%s" % (name, value))
                else:
                    args.append(value)
            if include_attributes and node._attributes:
                for name in node._attributes:
                    try:
                        value = getattr(node, name)
                    except AttributeError:
                        continue
                    if value is None and getattr(cls, name, ...) is None:
                        continue
                    value, simple = _format(value, level)
                    allsimple = allsimple and simple
                    args.append("%s=%s" % (name, value))
            if allsimple and len(args) <= 3:
                return "%s(%s)" % (node.__class__.__name__, ", ".join(args)), not args
            return "%s(%s%s)" % (node.__class__.__name__, prefix, sep.join(args)), False
        elif isinstance(node, list):
            if not node:
                return "[]", True
            return "[%s%s]" % (prefix, sep.join(_format(x, level)[0] for x in node)), False
        return repr(node), True

    if not isinstance(node, AST):
        raise TypeError(_t("ast.expected_ast", "expected AST, got {name}", name=repr(node.__class__.__name__)))
    if indent is not None and not isinstance(indent, str):
        indent = " " * indent
    return _format(node)[0]


def copy_location(new_node, old_node):
    """Copies lineno, col_offset (and the end positions) from old_node to new_node."""
    for attr in "lineno", "col_offset", "end_lineno", "end_col_offset":
        if attr in old_node._attributes and attr in new_node._attributes:
            value = getattr(old_node, attr, None)
            if value is not None or (hasattr(old_node, attr) and attr.startswith("end_")):
                setattr(new_node, attr, value)
    return new_node


def fix_missing_locations(node):
    """Gives every node without a location its parent's (1, 0 at the top)."""
    def _fix(node, lineno, col_offset, end_lineno, end_col_offset):
        if "lineno" in node._attributes:
            if not hasattr(node, "lineno"):
                node.lineno = lineno
            else:
                lineno = node.lineno
        if "end_lineno" in node._attributes:
            if getattr(node, "end_lineno", None) is None:
                node.end_lineno = end_lineno
            else:
                end_lineno = node.end_lineno
        if "col_offset" in node._attributes:
            if not hasattr(node, "col_offset"):
                node.col_offset = col_offset
            else:
                col_offset = node.col_offset
        if "end_col_offset" in node._attributes:
            if getattr(node, "end_col_offset", None) is None:
                node.end_col_offset = end_col_offset
            else:
                end_col_offset = node.end_col_offset
        for child in iter_child_nodes(node):
            _fix(child, lineno, col_offset, end_lineno, end_col_offset)
    _fix(node, 1, 0, 1, 0)
    return node


def increment_lineno(node, n=1):
    """Adds n to the line numbers of node and everything under it."""
    for child in walk(node):
        if isinstance(child, TypeIgnore):
            child.lineno = getattr(child, "lineno", 0) + n
            continue
        if "lineno" in child._attributes:
            child.lineno = getattr(child, "lineno", 0) + n
        if "end_lineno" in child._attributes and getattr(child, "end_lineno", 0) is not None:
            child.end_lineno = getattr(child, "end_lineno", 0) + n
    return node


def iter_fields(node):
    """(name, value) of each field the node has."""
    for field in node._fields:
        try:
            yield field, getattr(node, field)
        except AttributeError:
            pass


def iter_child_nodes(node):
    """The nodes directly under node: its fields that are nodes, and the nodes in its list fields."""
    for name, field in iter_fields(node):
        if isinstance(field, AST):
            yield field
        elif isinstance(field, list):
            for item in field:
                if isinstance(item, AST):
                    yield item


def get_docstring(node, clean=True):
    """The docstring of a function, class or module node, or None."""
    if not isinstance(node, (AsyncFunctionDef, FunctionDef, ClassDef, Module)):
        raise TypeError(_t("ast.no_docstrings", "{name} can't have docstrings", name=repr(node.__class__.__name__)))
    if not (node.body and isinstance(node.body[0], Expr)):
        return None
    node = node.body[0].value
    if isinstance(node, Constant) and isinstance(node.value, str):
        text = node.value
    else:
        return None
    if clean:
        import inspect
        text = inspect.cleandoc(text)
    return text


def walk(node):
    """Every node under node (itself included), breadth first."""
    from collections import deque
    todo = deque([node])
    while todo:
        node = todo.popleft()
        todo.extend(iter_child_nodes(node))
        yield node


class NodeVisitor:
    """visit(node) calls self.visit_<ClassName>(node), or generic_visit, which visits the children."""

    def visit(self, node):
        method = "visit_" + node.__class__.__name__
        visitor = getattr(self, method, self.generic_visit)
        return visitor(node)

    def generic_visit(self, node):
        for field, value in iter_fields(node):
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, AST):
                        self.visit(item)
            elif isinstance(value, AST):
                self.visit(value)

    def visit_Constant(self, node):
        return self.generic_visit(node)


class NodeTransformer(NodeVisitor):
    """A NodeVisitor whose visit_* results replace the nodes visited (None removes one)."""

    def generic_visit(self, node):
        for field, old_value in iter_fields(node):
            if isinstance(old_value, list):
                new_values = []
                for value in old_value:
                    if isinstance(value, AST):
                        value = self.visit(value)
                        if value is None:
                            continue
                        elif not isinstance(value, AST):
                            new_values.extend(value)
                            continue
                    new_values.append(value)
                old_value[:] = new_values
            elif isinstance(old_value, AST):
                new_node = self.visit(old_value)
                if new_node is None:
                    delattr(node, field)
                else:
                    setattr(node, field, new_node)
        return node
