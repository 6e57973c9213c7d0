TEMPLATE_TYPES = ()


def write_template(*a, **k):
    pass
