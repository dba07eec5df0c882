import json

import factory
import wagtail_factories

from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = factory.Sequence(lambda n: f"home-{n}")

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Informatiepagina {n}")
    intro = "Een korte inleiding."
    body = factory.LazyFunction(
        lambda: json.dumps([{"type": "paragraph", "value": "<p>Bij ons bent u welkom zonder afspraak.</p>"}])
    )

    class Meta:
        model = StandardPage
