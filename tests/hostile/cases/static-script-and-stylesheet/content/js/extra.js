document.body.innerHTML = 'defaced';
