"""Requests no page can answer, refused before any view or query runs."""

from django.http import HttpResponseBadRequest, HttpResponseNotFound


class RefuseNulBytes:
    """A NUL byte in a path or a query (/indicators/%00/, ?term=%00) names nothing; PostgreSQL would refuse
    the string with an error (a 500), so it is a 404 (path) or a 400 (query) here, on every database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            return HttpResponseNotFound("页面不存在。", content_type="text/plain; charset=utf-8")
        if any("\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists()):
            return HttpResponseBadRequest("请求参数中含有无效字符。", content_type="text/plain; charset=utf-8")
        return self.get_response(request)
