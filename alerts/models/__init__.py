from .delivery import Change, Delivery
from .subscriptions import Subscriber, Subscription, Topic

__all__ = ["Change", "Delivery", "Subscriber", "Subscription", "Topic"]
